using System.Diagnostics;

namespace Harness.Cli.Tests.Commands;

/// <summary>
/// A misbehaving plugin (tests/plugins/MisbehavingPlugin) fails only its own backend: the run's
/// other backends and its report complete, whether the plugin runs in the harness process or,
/// with <c>isolation: process</c>, in a child process that may crash.
/// </summary>
public class ContainmentTests : SmallSplitTest
{
    private static readonly string TestPlugins =
        RepositoryRoot.PathOf("bin", "test-plugins");

    private const string Teacher = "  - label: teacher\n    plugin: Replay\n    options: { dataset: test.jsonl }";

    private static string Misbehaving(string fault, string isolation, int after = 0) =>
        $"  - label: bad\n    plugin: Misbehaving\n    isolation: {isolation}\n    options: {{ fault: {fault}, after: {after} }}";

    private CliRunner.Result Eval(string backends, string top = "", string run = "r")
    {
        var config = Fixture.Write("eval.yaml", $"dataset: test.jsonl\nwarmup: 0\nscenarios: [offline]\nreports: [markdown]\n{top}\nbackends:\n{backends}");
        return CliRunner.Run("eval", "--config", config, "--out", Fixture.PathOf(run), "--plugins", TestPlugins);
    }

    private string[] Predictions(string label, string run = "r") =>
        File.ReadAllLines(Path.Combine(Fixture.PathOf(run), label, "offline", "predictions.jsonl"));

    private void AssertTeacherAndReportCompleted(CliRunner.Result result, string run = "r")
    {
        Assert.That(result.Stdout, Does.Contain("teacher / offline: overall 1.000"), result.Stdout + result.Stderr);
        Assert.That(File.Exists(Path.Combine(Fixture.PathOf(run), "report.md")), Is.True, "the report is written");
        Assert.That(result.Stderr, Does.Not.Contain("internal error"));
    }

    [TestCase("info-throws", "the backend's Info threw InvalidOperationException: Info is broken")]
    [TestCase("create-null", "CreateAsync returned null instead of a backend")]
    public void A_backend_that_breaks_its_contract_at_start_fails_alone(string fault, string reason)
    {
        var result = Eval(Misbehaving(fault, "in-process") + "\n" + Teacher);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stdout, Does.Contain("backend 'bad' (Misbehaving) failed to start: ").And.Contain(reason));
        AssertTeacherAndReportCompleted(result);
    }

    [Test]
    public void A_start_that_hangs_fails_its_backend_within_start_timeout()
    {
        var watch = Stopwatch.StartNew();
        var result = Eval(Misbehaving("create-hangs", "in-process") + "\n" + Teacher, "start_timeout_s: 1");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stdout, Does.Contain("failed to start: did not start within start_timeout_s = 1 s"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        AssertTeacherAndReportCompleted(result);
    }

    [Test]
    public void A_call_that_blocks_before_its_first_await_still_times_out()
    {
        var result = Eval(Misbehaving("generate-blocks", "in-process") + "\n    batch_size: 15\n" + Teacher, "timeout_s: 0.05");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(Predictions("bad"), Has.Length.EqualTo(15).And.All.Contain("timed out after 0.75 s"));
        AssertTeacherAndReportCompleted(result);
    }

    [Test]
    public void A_plugin_that_cancels_itself_is_an_error_not_a_timeout()
    {
        var result = Eval(Misbehaving("own-cancel", "in-process") + "\n" + Teacher);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(Predictions("bad"), Has.All.Contain("OperationCanceledException: the plugin cancelled itself").And.All.Not.Contain("timed out"));
    }

    [Test]
    public void Impossible_token_counts_are_recorded_as_unknown_with_one_warning()
    {
        var result = Eval(Misbehaving("bad-tokens", "in-process") + "\n" + Teacher);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(Predictions("bad"), Has.All.Contain("\"input_tokens\":0").And.All.Contain("\"output_tokens\":0"));
        Assert.That(result.Stdout.Split("reported -5 input and 2147483647 output tokens").Length - 1, Is.EqualTo(1));
    }

    [TestCase("in-process")]
    [TestCase("process")]
    public void A_not_used_probability_that_is_NaN_or_outside_0_to_1_fails_that_call_with_the_reason(string isolation)
    {
        var result = Eval(Misbehaving("bad-probability", isolation) + "\n    batch_size: 3\n" + Teacher);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        AssertTeacherAndReportCompleted(result);
        var lines = Predictions("bad");
        Assert.That(lines.Count(l => l.Contains("not-used probability of NaN, which is not a probability")), Is.GreaterThan(0));
        Assert.That(lines.Count(l => l.Contains("not-used probability of 1.5, which is not a probability")), Is.GreaterThan(0));
        Assert.That(lines.Count(l => !l.Contains("which is not a probability")), Is.GreaterThan(0), "a call with a probability in [0, 1] is kept");
    }

    [Test]
    public void A_shutdown_that_hangs_is_a_warning_and_the_results_are_kept()
    {
        var result = Eval(Misbehaving("dispose-hangs", "in-process") + "\n" + Teacher, "start_timeout_s: 1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("warning: backend 'bad' did not shut down within start_timeout_s = 1 s"));
        Assert.That(Predictions("bad"), Has.Length.EqualTo(15));
        AssertTeacherAndReportCompleted(result);
    }

    [Test]
    public void Factories_that_break_their_contract_are_listed_as_failures_and_the_rest_still_runs()
    {
        var plugins = CliRunner.Run("plugins", "--plugins", TestPlugins);
        var eval = Eval(Teacher);

        Assert.That(plugins.ExitCode, Is.EqualTo(0), plugins.Stderr);
        Assert.That(plugins.Stdout, Does.Contain("NullNameFactory.Name is null"));
        Assert.That(plugins.Stdout, Does.Contain("ThrowingMembersFactory.Description threw InvalidOperationException: Description is broken"));
        Assert.That(plugins.Stdout, Does.Contain("Misbehaving "), "the plugin's sound factory still loads");
        Assert.That(eval.ExitCode, Is.EqualTo(0), eval.Stderr);
    }

    [TestCase("segfault", "killed by SIGSEGV (exit code 139)")]
    [TestCase("abort", "killed by SIGABRT (exit code 134)")]
    [TestCase("exit", "exited with code 3")]
    public void A_backend_process_that_dies_fails_only_its_backend_and_resume_continues_it(string fault, string how)
    {
        var backends = Misbehaving(fault, "process", after: 2) + "\n    batch_size: 3\n" + Teacher;
        var result = Eval(backends);
        var first = Predictions("bad");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("backend 'bad' (Misbehaving) failed in offline: the backend process " + how));
        Assert.That(result.Stderr, Does.Contain("failed: bad"));
        // Two batches answered, the third recorded as the crash, nothing after it.
        Assert.That(first, Has.Length.EqualTo(9));
        Assert.That(first.Skip(6), Has.All.Contain(how));
        AssertTeacherAndReportCompleted(result);

        var config = Fixture.PathOf("eval.yaml");
        var resumed = CliRunner.Run("eval", "--config", config, "--out", Fixture.PathOf("r"), "--plugins", TestPlugins, "--resume");

        Assert.That(resumed.Stderr, Does.Not.Contain("internal error"));
        Assert.That(Predictions("bad"), Has.Length.EqualTo(15), "resume goes on from the call after the crash (and crashes again two batches later)");
        Assert.That(Predictions("bad").Take(9), Is.EqualTo(first));
    }

    [Test]
    public void A_backend_process_that_hangs_is_stopped_at_the_timeout_and_fails_its_backend()
    {
        var watch = Stopwatch.StartNew();
        var result = Eval(Misbehaving("generate-blocks", "process") + "\n" + Teacher, "timeout_s: 0.5");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stdout, Does.Contain("failed in offline: the backend process did not finish answering test-00001 within its time limit and was stopped"));
        Assert.That(Predictions("bad"), Has.Length.EqualTo(1).And.All.Contain("timed out after 0.5 s"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(25)));
        AssertTeacherAndReportCompleted(result);
    }

    [Test]
    public void An_isolated_backend_scores_as_it_does_in_process_and_what_it_prints_does_not_break_the_protocol()
    {
        var retrieval = "  - label: {0}\n    plugin: Retrieval\n    isolation: {1}\n    options: {{ train: test.jsonl }}\n    batch_size: 2";
        var noisy = Misbehaving("stdout-noise", "process");

        var result = Eval(string.Format(retrieval, "inproc", "in-process") + "\n" + string.Format(retrieval, "child", "process") + "\n" + noisy + "\n" + Teacher);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stdout + result.Stderr);
        Assert.That(result.Stdout, Does.Contain("inproc / offline: overall 1.000").And.Contain("child / offline: overall 1.000"));
        Assert.That(Predictions("bad"), Has.Length.EqualTo(15).And.All.Contain("\"raw\":\"null\""));
        var strip = (string line) => System.Text.RegularExpressions.Regex.Replace(line, "\"latency_ms\":[^,]*,", "");
        Assert.That(Predictions("child").Select(strip), Is.EqualTo(Predictions("inproc").Select(strip)));
    }
}
