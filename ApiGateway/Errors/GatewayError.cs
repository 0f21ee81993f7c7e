namespace Shop.ApiGateway.Errors;

/// <summary>
/// What the gRPC error interceptor learned about a refusal, left on the HTTP context so the REST problem+json writer
/// can add the machine-readable code and the offending field.
/// </summary>
/// <param name="Code">Stable code such as <c>order.not_found</c>, or the field path of a validation error.</param>
/// <param name="Field">The invalid field, for validation errors.</param>
public sealed record GatewayError(string Code, string? Field);
