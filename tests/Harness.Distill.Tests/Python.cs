using System.Diagnostics;

namespace Harness.Distill.Tests;

/// <summary>Runs the offline tooling with Debian's Python, which has torch and sentencepiece.</summary>
internal static class Python
{
    public const string Interpreter = "/usr/bin/python3";

    public const string Install = "install Debian's packages: apt-get install -y python3-torch python3-sentencepiece python3-onnx libopenblas0-pthread (run-tests.sh does)";

    /// <summary>Fails the test with install instructions when the interpreter or its packages are missing.</summary>
    public static void Require()
    {
        if (!File.Exists(Interpreter)) Assert.Fail($"{Interpreter} not found: {Install}");
        var (code, output) = Run(["-c", "import torch, sentencepiece"], TimeSpan.FromMinutes(2));
        if (code != 0) Assert.Fail($"{Interpreter} lacks torch or sentencepiece ({output.Trim().Split('\n')[^1]}): {Install}");
    }

    public static (int Code, string Output) Run(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["PYTHONUNBUFFERED"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{string.Join(' ', arguments)} ran past {timeout}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
