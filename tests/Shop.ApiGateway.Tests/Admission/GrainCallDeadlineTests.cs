using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization.Invocation;
using Shop.ApiGateway.Admission;

namespace Shop.ApiGateway.Tests.Admission;

/// <summary>The deadline of the gateway's grain calls, on a fake clock and a call that never answers.</summary>
public sealed class GrainCallDeadlineTests
{
    private readonly FakeTimeProvider time = new();
    private readonly HttpContextAccessor http = new();
    private readonly PendingCall call = new();

    [Fact]
    public async Task A_grain_call_made_for_a_request_gives_up_at_its_deadline_with_a_timeout()
    {
        http.HttpContext = new DefaultHttpContext();
        var waiting = Deadline(seconds: 3).Invoke(call);

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(waiting.IsCompleted, "the call may answer until its deadline");
        time.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<TimeoutException>(() => waiting);
    }

    [Fact]
    public async Task A_grain_call_made_outside_any_request_keeps_Orleans_own_timeout()
    {
        var waiting = Deadline(seconds: 3).Invoke(call);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(waiting.IsCompleted, "no deadline applies to background work");
        call.Answer();

        await waiting;
    }

    private GrainCallDeadline Deadline(int seconds) =>
        new(Options.Create(new AdmissionOptions { GrainCallDeadlineSeconds = seconds }), http, time);

    /// <summary>An outgoing call from outside any grain whose answer comes when the test says.</summary>
    private sealed class PendingCall : IOutgoingGrainCallContext
    {
        private readonly TaskCompletionSource answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IGrainContext? SourceContext => null;

        public IInvokable Request => throw new NotSupportedException();

        public object Grain => throw new NotSupportedException();

        public GrainId? SourceId => null;

        public GrainId TargetId => default;

        public GrainInterfaceType InterfaceType => default;

        public string InterfaceName => "IPending";

        public string MethodName => "Answer";

        public MethodInfo InterfaceMethod => throw new NotSupportedException();

        public object? Result { get; set; }

        public Response? Response { get; set; }

        public void Answer() => answer.TrySetResult();

        public Task Invoke() => answer.Task;
    }
}
