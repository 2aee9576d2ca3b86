using System.Diagnostics;
using System.Text;
using Harness.Backends;

namespace Harness.Running.Isolation;

/// <summary>How to start the <c>harness</c> command as a child process: <c>dotnet harness.dll ...</c> from the harness's own folder.</summary>
internal static class HarnessProcess
{
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "harness.dll");
        if (!File.Exists(dll))
            throw new BackendException($"isolation: process needs the harness command (harness.dll) beside the harness library in {AppContext.BaseDirectory}; run through the harness command or set isolation: in-process.");
        var info = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        return info;
    }

    // The muxer that runs this process, so the child gets the same runtime.
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet") return path;
        return "dotnet";
    }

    /// <summary>How a child ended, in words: the signal that killed it, or its exit code.</summary>
    public static string DescribeExit(int exitCode)
    {
        if (!OperatingSystem.IsWindows() && exitCode is > 128 and < 160)
        {
            var signal = exitCode - 128;
            var name = signal switch
            {
                4 => "SIGILL", 6 => "SIGABRT", 7 => "SIGBUS", 8 => "SIGFPE", 9 => "SIGKILL", 11 => "SIGSEGV", 15 => "SIGTERM",
                _ => $"signal {signal}",
            };
            return $"killed by {name} (exit code {exitCode})";
        }
        return $"exited with code {exitCode}";
    }
}
