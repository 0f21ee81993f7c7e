using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Shop.Integration.Tests.Fixtures;

/// <summary>
/// A throwaway Redis server for one test run (DESIGN.md section 7): <c>redis-server</c> daemonized on a free loopback
/// port without persistence, its pid and log files in a temp folder; stopped by its pid at the end.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private string? folder;
    private string? server;

    /// <summary>Why the tests that need Redis are skipped, or null when the server runs.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The StackExchange.Redis connection string of the server.</summary>
    public string ConnectionString
    {
        get
        {
            Skip.If(SkipReason is not null, SkipReason);
            return $"127.0.0.1:{Port}";
        }
    }

    private string PidFile => Path.Combine(folder!, "redis.pid");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var server = ExternalProcess.FindOnPath("redis-server");
        if (server is null)
        {
            SkipReason = "redis-server is not installed (not on PATH; ./test.sh installs it).";
            return;
        }

        this.server = server;
        folder = Directory.CreateTempSubdirectory("shop-redis-").FullName;
        Port = FreePort.Next();
        await StartAsync();
    }

    /// <summary>
    /// Starts the server again on the same port after <see cref="StopAsync"/>, loading the snapshot the stop saved.
    /// </summary>
    public async Task StartAsync()
    {
        Skip.If(SkipReason is not null, SkipReason);
        // No save points (DESIGN.md section 7); --dir is where SHUTDOWN SAVE leaves dump.rdb and the start reads it.
        await ExternalProcess.RunAsync(server!,
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", folder!, "--daemonize", "yes", "--pidfile", PidFile, "--logfile", Path.Combine(folder!, "redis.log"),
        ]);
        await Eventually.Until(AnswersPing, TimeSpan.FromSeconds(10), $"redis-server to answer on port {Port}");
    }

    /// <summary>
    /// Stops the server as an outage would, but keeping its data: it saves a snapshot first, so
    /// <see cref="StartAsync"/> brings back every key (a restart of a persistent production Redis).
    /// </summary>
    public async Task StopAsync()
    {
        Skip.If(SkipReason is not null, SkipReason);
        using (var client = new TcpClient())
        {
            await client.ConnectAsync("127.0.0.1", Port);
            await client.GetStream().WriteAsync("SHUTDOWN SAVE\r\n"u8.ToArray());
        }

        await Eventually.Until(async () => !await AnswersPing(), TimeSpan.FromSeconds(10), "redis-server to stop");
    }

    private async Task<bool> AnswersPing()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (folder is null)
        {
            return;
        }

        if (File.Exists(PidFile))
        {
            var pid = int.Parse((await File.ReadAllTextAsync(PidFile)).Trim(), CultureInfo.InvariantCulture);
            using var process = Process.GetProcessById(pid);
            process.Kill();
            // The daemon is not our child, so wait on what matters: the port stops answering.
            await Eventually.Until(async () => !await AnswersPing(), TimeSpan.FromSeconds(10), "redis-server to stop");
        }

        Directory.Delete(folder, recursive: true);
    }
}
