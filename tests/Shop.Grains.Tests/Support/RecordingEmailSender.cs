using System.Collections.Concurrent;
using Shop.Grains.Notifications;

namespace Shop.Grains.Tests.Support;

/// <summary>An e-mail sender that records what it is asked to send, and can fail on purpose.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> sent = new();
    private readonly ConcurrentQueue<EmailMessage> refused = new();
    private readonly ConcurrentDictionary<string, bool> refusedAddresses = new(StringComparer.OrdinalIgnoreCase);
    private int failuresToInject;

    /// <summary>Everything sent so far.</summary>
    public IReadOnlyList<EmailMessage> Sent => [.. sent];

    /// <summary>Messages sent to one address.</summary>
    public IReadOnlyList<EmailMessage> To(string address) =>
        [.. sent.Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Messages refused for good so far.</summary>
    public IReadOnlyList<EmailMessage> Refused => [.. refused];

    /// <summary>Refuses, for good, every message to <paramref name="address"/> (as SendGrid does with a 4xx).</summary>
    public void RefuseTo(string address) => refusedAddresses[address] = true;

    /// <summary>Makes the next <paramref name="count"/> sends throw.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref failuresToInject, count);

    /// <inheritdoc />
    public Task Send(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (refusedAddresses.ContainsKey(message.To))
        {
            refused.Enqueue(message);
            throw new EmailRejectedException("Injected: the address is refused.");
        }

        if (Interlocked.Decrement(ref failuresToInject) >= 0)
        {
            throw new IOException("Injected e-mail failure.");
        }

        sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
