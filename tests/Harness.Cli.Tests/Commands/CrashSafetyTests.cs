using System.Diagnostics;
using System.Text.Json;
using Harness.Runs;
using Harness.Tests.Support;

namespace Harness.Cli.Tests.Commands;

/// <summary>
/// A real <c>harness eval</c> child process killed (SIGKILL) at random moments, again and again, and
/// resumed each time: nothing finished is lost, no call is recorded twice, and the metrics equal an
/// uninterrupted run's. Also: a second process on a running run is refused, the printed resume
/// command works, and a version change stops a resume.
/// </summary>
public class CrashSafetyTests
{
    private static readonly string HarnessDll = Path.Combine(AppContext.BaseDirectory, "harness.dll");

    private string _directory = null!;

    [SetUp]
    public void SetUp()
    {
        _directory = Path.Combine(Path.GetTempPath(), "harness-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "eval.yaml"), string.Join('\n',
            $"dataset: {TonalColor.TestSplit}",
            "limit: 400",
            "warmup: 2",
            "reports: [markdown, json]",
            "backends:",
            $"  - {{ label: teacher, plugin: Replay, options: {{ dataset: {TonalColor.TestSplit} }}, batch_size: 8 }}",
            $"  - {{ label: retrieval, plugin: Retrieval, options: {{ train: {TonalColor.TrainSplit} }}, batch_size: 8 }}") + "\n");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    private string Config => Path.Combine(_directory, "eval.yaml");

    private Process Start(string run, bool resume)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { HarnessDll, "eval", "--config", Config, "--out", Path.Combine(_directory, run) })
            info.ArgumentList.Add(argument);
        if (resume) info.ArgumentList.Add("--resume");
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private (int ExitCode, TimeSpan Elapsed) RunToEnd(string run, bool resume)
    {
        var watch = Stopwatch.StartNew();
        using var process = Start(run, resume);
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(2)), Is.True, "the eval finishes");
        return (process.ExitCode, watch.Elapsed);
    }

    // Quality as metrics.json writes it: every subset's scores and the parse counts (latency differs run to run).
    private string Quality(string run, string label, string scenario)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, run, label, scenario, "metrics.json")));
        return doc.RootElement.GetProperty("subsets").GetRawText() + doc.RootElement.GetProperty("parse").GetRawText();
    }

    [Test]
    public void Killed_at_random_moments_and_resumed_a_run_ends_with_the_metrics_of_an_uninterrupted_run()
    {
        var (straightCode, straightTime) = RunToEnd("straight", resume: false);
        Assert.That(straightCode, Is.EqualTo(0));

        var random = new Random(20241205);
        var kills = 0;
        var runJson = Path.Combine(_directory, "killed", "run.json");
        for (var attempt = 0; attempt < 40 && kills < 15; attempt++)
        {
            // From the start-up (before the first write of run.json) to well into the calls.
            var delay = TimeSpan.FromMilliseconds(random.Next(100, (int)Math.Clamp(straightTime.TotalMilliseconds / 2, 400, 1500)));
            using var process = Start("killed", resume: File.Exists(runJson));
            if (process.WaitForExit(delay)) continue; // it finished before the kill
            process.Kill();
            process.WaitForExit();
            kills++;
            if (File.Exists(runJson))
                Assert.DoesNotThrow(() => JsonDocument.Parse(File.ReadAllText(runJson)).Dispose(), "run.json is never left torn");
        }
        var (finalCode, _) = RunToEnd("killed", resume: File.Exists(runJson));

        Assert.That(kills, Is.GreaterThanOrEqualTo(10), "enough kills landed inside the run");
        Assert.That(finalCode, Is.EqualTo(0));
        foreach (var label in new[] { "teacher", "retrieval" })
        {
            foreach (var scenario in ScenarioNames.All)
            {
                var lines = File.ReadAllLines(Path.Combine(_directory, "killed", label, scenario, "predictions.jsonl"));
                var calls = lines.Select(l => JsonDocument.Parse(l).RootElement).Select(e => (e.GetProperty("id").GetString(), e.GetProperty("tool").GetString())).ToList();
                Assert.That(calls, Has.Count.EqualTo(400 * 3), $"{label}/{scenario}: every call recorded");
                Assert.That(calls.Distinct().Count(), Is.EqualTo(calls.Count), $"{label}/{scenario}: no call recorded twice");
                Assert.That(Quality("killed", label, scenario), Is.EqualTo(Quality("straight", label, scenario)), $"{label}/{scenario}");
            }
        }
    }

    [Test]
    public void A_second_process_on_a_run_that_is_running_is_refused_and_can_resume_once_it_ends()
    {
        var run = Path.Combine(_directory, "busy");
        using var first = Start("busy", resume: false);
        var watch = Stopwatch.StartNew();
        while (!File.Exists(Path.Combine(run, "run.json")) && watch.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(20);
        Assume.That(first.HasExited, Is.False, "the first eval is still running");

        var second = CliRunner.Run("eval", "--config", Config, "--out", run, "--resume");
        first.WaitForExit();
        var after = CliRunner.Run("eval", "--config", Config, "--out", run, "--resume");

        Assert.That(second.ExitCode, Is.EqualTo(2));
        Assert.That(second.ErrorLines, Is.EqualTo(new[] { $"error: {run}: another harness process (pid {first.Id}) is running this run; wait for it to finish or stop it, then run again (with --resume to continue it)." }));
        Assert.That(first.ExitCode, Is.EqualTo(0));
        Assert.That(after.ExitCode, Is.EqualTo(0), after.Stderr);
    }

    [Test]
    public void Sigterm_stops_a_run_like_ctrl_c_with_exit_143_and_the_work_kept()
    {
        var run = Path.Combine(_directory, "terminated");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { HarnessDll, "eval", "--config", Config, "--out", run })
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var watch = Stopwatch.StartNew();
        while (!File.Exists(Path.Combine(run, "run.json")) && watch.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(10);
        Assume.That(process.HasExited, Is.False, "the eval is still running");

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        process.WaitForExit();
        var resumed = CliRunner.Run("eval", "--config", Config, "--out", run, "--resume");

        Assert.That(process.ExitCode, Is.EqualTo(143));
        Assert.That(stderr.Result, Does.Contain("terminated (SIGTERM)").And.Contain($"continue with: harness eval --config {Config} --out {run} --resume"));
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Stderr);
    }

    [Test]
    public void The_resume_command_printed_after_an_interrupt_names_the_config_the_run_folder_and_the_plugins()
    {
        var command = Harness.Cli.Commands.EvalCommand.ResumeCommand("my configs/eval.yaml", "/tmp/runs/r1", "/opt/plugins");

        Assert.That(command, Is.EqualTo("harness eval --config 'my configs/eval.yaml' --out /tmp/runs/r1 --plugins /opt/plugins --resume"));
    }

    [Test]
    public void A_run_started_by_another_harness_version_is_not_resumed()
    {
        var (code, _) = RunToEnd("old", resume: false);
        var manifest = Path.Combine(_directory, "old", "run.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace($"\"harness_version\": \"{HarnessVersion.Current}\"", "\"harness_version\": \"0.0.1-old\"", StringComparison.Ordinal));

        var resumed = CliRunner.Run("eval", "--config", Config, "--out", Path.Combine(_directory, "old"), "--resume");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(resumed.ExitCode, Is.EqualTo(2));
        Assert.That(resumed.ErrorLines.Single(), Does.Contain("cannot resume: the run was started by harness 0.0.1-old and this is " + HarnessVersion.Current));
    }

    [Test]
    public void A_backend_whose_plugin_version_changed_is_not_resumed()
    {
        var (code, _) = RunToEnd("plugin", resume: false);
        var manifest = Path.Combine(_directory, "plugin", "run.json");
        var text = File.ReadAllText(manifest);
        var version = JsonDocument.Parse(text).RootElement.GetProperty("backends").GetProperty("retrieval").GetProperty("plugin_version").GetString()!;
        File.WriteAllText(manifest, text.Replace($"\"plugin_version\": \"{version}\"", "\"plugin_version\": \"0.0.1-old\"", StringComparison.Ordinal));

        var resumed = CliRunner.Run("eval", "--config", Config, "--out", Path.Combine(_directory, "plugin"), "--resume");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(resumed.ExitCode, Is.EqualTo(2));
        Assert.That(resumed.Stdout + resumed.Stderr, Does.Contain("cannot resume: backend 'teacher' ran on Replay 0.0.1-old and the plugin now is " + version));
    }
}
