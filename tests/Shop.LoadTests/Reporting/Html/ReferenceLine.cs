namespace Shop.LoadTests.Reporting.Html;

/// <summary>A horizontal dashed line across a chart at <see cref="Y"/>, e.g. a ceiling measured in the same run.</summary>
internal sealed record ReferenceLine(string Label, double Y);
