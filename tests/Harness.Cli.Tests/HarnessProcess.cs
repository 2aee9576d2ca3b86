using System.Diagnostics;

namespace Harness.Cli.Tests;

/// <summary>Runs the built harness (harness.dll beside the tests), or a script that calls it, as a child process.</summary>
internal static class HarnessProcess
{
    public static readonly string HarnessDll = Path.Combine(AppContext.BaseDirectory, "harness.dll");

    /// <summary>The harness as a shell command, for the scripts the launchers write.</summary>
    public static string Command => ShellWords.Join(["dotnet", HarnessDll]);

    /// <summary>Runs <c>dotnet harness.dll ARGS</c> to its end.</summary>
    public static CliRunner.Result Run(params string[] args) => Start("dotnet", [HarnessDll, .. args], []);

    /// <summary>Runs <c>sh -c SCRIPT</c> with <paramref name="environment"/> added, to its end.</summary>
    public static CliRunner.Result Shell(string script, params (string Name, string Value)[] environment) =>
        Start("/bin/sh", ["-c", script], environment);

    /// <summary>Runs the shell script <paramref name="file"/> (<c>sh FILE</c>) with <paramref name="environment"/> added, to its end.</summary>
    public static CliRunner.Result Script(string file, params (string Name, string Value)[] environment) =>
        Start("/bin/sh", [file], environment);

    private static CliRunner.Result Start(string file, string[] args, (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in args)
            info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(3)), Is.True, $"{file} {string.Join(' ', args)} finishes");
        return new CliRunner.Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
