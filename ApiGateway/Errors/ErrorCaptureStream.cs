namespace Shop.ApiGateway.Errors;

/// <summary>
/// A response body that passes successful responses straight through and holds back the body of an error response
/// (status 400 or more when the first byte is written), so the error can be rewritten as problem+json.
/// </summary>
public sealed class ErrorCaptureStream(Stream inner, HttpResponse response) : Stream
{
    private const int MaxCaptured = 64 * 1024;
    private readonly MemoryStream _captured = new();
    private bool? _passThrough;

    /// <summary>True when the response was an error whose body (if any) is held back.</summary>
    public bool IsCapturing => _passThrough != true;

    /// <summary>The held-back error body.</summary>
    public ReadOnlyMemory<byte> Captured => _captured.GetBuffer().AsMemory(0, (int)_captured.Length);

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override void Flush()
    {
        if (Decide())
        {
            inner.Flush();
        }
    }

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) =>
        Decide() ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Decide())
        {
            inner.Write(buffer);
        }
        else
        {
            Capture(buffer);
        }
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Decide())
        {
            return inner.WriteAsync(buffer, cancellationToken);
        }

        Capture(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _captured.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool Decide()
    {
        _passThrough ??= response.StatusCode < StatusCodes.Status400BadRequest;
        return _passThrough.Value;
    }

    private void Capture(ReadOnlySpan<byte> buffer)
    {
        var room = MaxCaptured - (int)_captured.Length;
        if (room > 0)
        {
            _captured.Write(buffer[..Math.Min(room, buffer.Length)]);
        }
    }
}
