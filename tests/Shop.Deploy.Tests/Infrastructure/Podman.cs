namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>
/// Runs Shop containers with podman the way the manifests run pods: read-only root filesystem with writable /tmp
/// and /data, every capability dropped, no privilege escalation, the image's own (non-root) user. Host networking
/// lets them reach the test's loopback PostgreSQL and Redis.
/// </summary>
internal static class Podman
{
    // crun refuses this machine kind's hybrid cgroups; runc copes. A container cannot raise its limits without
    // CAP_SYS_RESOURCE, and podman's defaults are above the current ones, so lower ones are asked for.
    private static readonly bool HasRunc = File.Exists("/usr/sbin/runc") || File.Exists("/usr/bin/runc");
    private static readonly string[] Limits = ["--ulimit", "nofile=16384:16384", "--ulimit", "nproc=4096:4096"];

    /// <summary>The global flags (before the verb).</summary>
    public static string[] Global() => HasRunc ? ["--runtime", "runc"] : [];

    /// <summary>Starts a detached container; returns its name.</summary>
    public static async Task<string> StartAsync(string name, string image, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        await Tool.RunCheckedAsync("podman", RunArguments(name, image, env, detach: true, args));
        return name;
    }

    /// <summary>Runs a container to its end; returns the exit code and output.</summary>
    public static Task<Tool.Result> RunAsync(string name, string image, IReadOnlyDictionary<string, string> env, params string[] args) =>
        Tool.RunAsync("podman", RunArguments(name, image, env, detach: false, args), timeout: TimeSpan.FromMinutes(3));

    /// <summary>A container's log, for failure messages.</summary>
    public static async Task<string> LogsAsync(string name)
    {
        var result = await Tool.RunAsync("podman", ["logs", "--tail", "40", name]);
        return result.Output + result.Error;
    }

    /// <summary>Removes containers, whatever their state.</summary>
    public static Task RemoveAsync(IEnumerable<string> names) => Tool.RunAsync("podman", ["rm", "-f", "-t", "0", .. names]);

    private static List<string> RunArguments(string name, string image, IReadOnlyDictionary<string, string> env, bool detach, string[] args)
    {
        var arguments = new List<string>(Global()) { "run", "--name", name, "--network", "host", "--read-only", "--tmpfs", "/tmp", "--tmpfs", "/data",
            "--cap-drop", "ALL", "--security-opt", "no-new-privileges" };
        arguments.AddRange(Limits);
        arguments.Add(detach ? "-d" : "--rm");
        foreach (var (key, value) in env)
        {
            arguments.Add("-e");
            arguments.Add($"{key}={value}");
        }

        arguments.Add(image);
        arguments.AddRange(args);
        return arguments;
    }
}
