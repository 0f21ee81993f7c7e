using Shop.LoadTests.Cli;

// Ctrl-C asks the run to stop (one line, exit 130) instead of killing the process mid-write.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

return await new LoadCommand(Console.Out, Console.Error).RunAsync(args, interrupted.Token);
