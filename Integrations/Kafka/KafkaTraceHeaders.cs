using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace Shop.Integrations.Kafka;

/// <summary>
/// The W3C trace context on a Kafka message: a <c>traceparent</c> header (and <c>tracestate</c> when there is one)
/// from the span that produced it, so any reader of the topic (a consumer of another service, a tool) can continue
/// the trace. Orleans itself does not carry the trace context across a persistent stream.
/// </summary>
public static class KafkaTraceHeaders
{
    /// <summary>The W3C header with version, trace id, span id and flags.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>The W3C header with vendor-specific trace state.</summary>
    public const string TraceState = "tracestate";

    /// <summary>The headers for the current span; null outside a trace (the message then has no headers).</summary>
    public static Headers? FromCurrentActivity()
    {
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C, Id: { } id } current)
        {
            return null;
        }

        var headers = new Headers { { TraceParent, Encoding.ASCII.GetBytes(id) } };
        if (current.TraceStateString is { Length: > 0 } state)
        {
            headers.Add(TraceState, Encoding.ASCII.GetBytes(state));
        }

        return headers;
    }

    /// <summary>The trace context a message carries, if any.</summary>
    public static ActivityContext? Read(Headers? headers)
    {
        if (headers is null || !headers.TryGetLastBytes(TraceParent, out var parent))
        {
            return null;
        }

        var state = headers.TryGetLastBytes(TraceState, out var bytes) ? Encoding.ASCII.GetString(bytes) : null;
        return ActivityContext.TryParse(Encoding.ASCII.GetString(parent), state, out var context) ? context : null;
    }
}
