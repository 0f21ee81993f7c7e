using System.Globalization;
using Xunit.Abstractions;

namespace Shop.Faults.Tests.Load;

/// <summary>
/// What one fault did, measured from the load's answers: how long after the fault reads and checkouts were last refused
/// (the recovery times: printed, never asserted), what was refused with which status, and the invariants afterwards.
/// Printed as a row of the README's table; appended to the file <c>SHOP_FAULTS_REPORT</c> names, when set.
/// </summary>
internal sealed record FaultReport(string Fault, TimeSpan ReadRecovery, TimeSpan WriteRecovery, string Refusals, int Accepted, ShopState State, string Note)
{
    /// <summary>Builds the report of a fault that began at <paramref name="faultAt"/>.</summary>
    public static FaultReport Of(string fault, DateTimeOffset faultAt, PurchaseLoad load, ShopState state, string note = "")
    {
        ArgumentNullException.ThrowIfNull(load);
        var after = load.Observations.Where(o => o.At >= faultAt).ToList();
        var refusals = after.Where(o => !o.Served)
            .GroupBy(o => (o.Read ? "read " : "write ") + (o.Status == 0 ? "no answer" : o.Status.ToString(CultureInfo.InvariantCulture)))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} x{g.Count().ToString(CultureInfo.InvariantCulture)}");
        return new FaultReport(
            fault, LastRefusal(after, read: true, faultAt), LastRefusal(after, read: false, faultAt), string.Join(", ", refusals) is { Length: > 0 } r ? r : "none",
            load.Accepted.Count, state, note);
    }

    /// <summary>Prints the row (and appends it to the report file when one is named).</summary>
    public void Print(ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {Fault} | {ReadRecovery.TotalSeconds:0.0} s | {WriteRecovery.TotalSeconds:0.0} s | {Refusals} | {Accepted} accepted: {State.Confirmed} confirmed, {State.Cancelled} cancelled ({State.Refunded} refunded), {State.Unfinished} unfinished, lost {0}, payment mismatches {State.PaymentMismatches.Count()}, stock conserved | {Note} |");
        output.WriteLine(row);
        if (Environment.GetEnvironmentVariable("SHOP_FAULTS_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllLines(file, [row]);
        }
    }

    private static TimeSpan LastRefusal(List<Observation> after, bool read, DateTimeOffset faultAt) =>
        after.Where(o => o.Read == read && !o.Served).Select(o => o.At - faultAt).DefaultIfEmpty(TimeSpan.Zero).Max();
}
