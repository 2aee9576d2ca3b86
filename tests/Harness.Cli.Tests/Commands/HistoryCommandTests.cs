using System.Diagnostics;
using Harness.History;

namespace Harness.Cli.Tests.Commands;

/// <summary>
/// <c>harness history</c> over a series of recorded runs, its rebuild and promotion, the gate against
/// the last promoted run, eval recording each run, and several harness processes recording at once.
/// </summary>
[NonParallelizable]
public class HistoryCommandTests
{
    private static readonly string HarnessDll = Path.Combine(AppContext.BaseDirectory, "harness.dll");

    private RunSeries _series = null!;

    private string Store => Path.Combine(_series.Folder, RunStore.FileName);

    [SetUp]
    public void MakeRuns()
    {
        _series = new RunSeries();
        foreach (var run in _series.RunDirectories)
            Assert.That(CliRunner.Run("history", "record", run).ExitCode, Is.EqualTo(0));
    }

    [TearDown]
    public void DeleteRuns() => _series.Dispose();

    [Test]
    public void History_over_three_runs_prints_the_trend_per_backend_and_model_and_writes_the_page()
    {
        var result = CliRunner.Run("history", "--store", Store);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        TestContext.Out.WriteLine(result.Stdout);
        var lines = result.Stdout.Split('\n');
        Assert.That(lines, Does.Contain("student · student · model aaaaaaaaaaaa").And.Contain("student · student · model bbbbbbbbbbbb").And.Contain("teacher · teacher · model teacher-model"));
        Assert.That(lines.Where(l => l.Contains("run-", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(6));
        Assert.That(lines, Has.Some.Match(@"^  2026-11-20 09:30  run-1  single-stream  0\.\d{3} \[0\.\d{3}, 0\.\d{3}\]\s+12\.0\s+0\.0120$"));
        Assert.That(lines, Has.Some.Match(@"^  2026-11-22 09:30  run-3  single-stream  0\.\d{3} \[0\.\d{3}, 0\.\d{3}\]\s+8\.00\s+0\.0080$"));
        Assert.That(lines, Has.Some.Match(@"^  2026-11-21 09:30  run-2  single-stream  1\.000 \[1\.000, 1\.000\]\s+40\.0"));
        var page = Path.Combine(_series.Folder, "history.html");
        Assert.That(result.Stdout, Does.Contain("wrote " + page));
        var html = File.ReadAllText(page);
        Assert.That(CountOf(html, "<svg class=\"chart trend\""), Is.EqualTo(4), "score and latency over time for each of the two backends");
        Assert.That(html, Does.Contain("aria-label=\"Overall score over time, student\"").And.Contain("aria-label=\"Median latency over time, student\"").And.Contain("model bbbbbbbbbbbb"));
    }

    [Test]
    public void Backend_keeps_one_backend_and_an_unknown_one_is_an_input_error()
    {
        var result = CliRunner.Run("history", "--store", Store, "--backend", "teacher", "--out", Path.Combine(_series.Folder, "teacher-page"));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Not.Contain("student"));
        Assert.That(CountOf(File.ReadAllText(Path.Combine(_series.Folder, "teacher-page", "history.html")), "<svg class=\"chart trend\""), Is.EqualTo(2));

        var unknown = CliRunner.Run("history", "--store", Store, "--backend", "nobody");
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.ErrorLines, Is.EqualTo(new[] { $"error: {Store}: no recorded run has a backend labelled or run by 'nobody'." }));
    }

    [Test]
    public void A_lost_or_corrupt_store_is_rebuilt_from_the_run_folders_with_the_same_trend()
    {
        var before = CliRunner.Run("history", "--store", Store).Stdout;
        File.WriteAllText(Store, "this is not a database, whatever happened to it, but long enough to have a header.");

        var unreadable = CliRunner.Run("history", "--store", Store);
        Assert.That(unreadable.ExitCode, Is.EqualTo(2));
        Assert.That(unreadable.Stderr, Does.Contain("not a usable run store").And.Contain("harness history --rebuild"));

        var rebuilt = CliRunner.Run("history", "--store", Store, "--rebuild");
        Assert.That(rebuilt.ExitCode, Is.EqualTo(0), rebuilt.Stderr);
        Assert.That(rebuilt.Stdout, Does.StartWith($"rebuilt {Store} from 3 run folder(s) in {_series.Folder}\n"));
        Assert.That(rebuilt.Stdout, Does.EndWith(before));

        File.Delete(Store);
        var missing = CliRunner.Run("history", "--store", Store);
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Stderr, Does.Contain("no run store here").And.Contain("--rebuild"));
    }

    [Test]
    public void Gate_compares_against_the_last_promoted_run_from_the_store()
    {
        var policy = Path.Combine(_series.Folder, "gate.yaml");
        File.WriteAllText(policy, "non_inferiority:\n  overall: 0.01\n");
        var candidate = Path.Combine(_series.RunDirectories[2], "student");

        var none = CliRunner.Run("gate", "--policy", policy, "--candidate", candidate, "--baseline", "last-promoted", "--store", Store);
        Assert.That(none.ExitCode, Is.EqualTo(2));
        Assert.That(none.Stderr, Does.Contain("no result has been promoted yet"));

        var promote = CliRunner.Run("history", "promote", Path.Combine(_series.RunDirectories[0], "student"));
        Assert.That(promote.ExitCode, Is.EqualTo(0), promote.Stderr);
        Assert.That(promote.Stdout, Does.StartWith("promoted run-1/student"));
        var better = CliRunner.Run("gate", "--policy", policy, "--candidate", candidate, "--baseline", "last-promoted", "--store", Store, "--out", Path.Combine(_series.Folder, "gate1"));
        Assert.That(better.ExitCode, Is.EqualTo(0), better.Stdout + better.Stderr);
        Assert.That(better.Stdout, Does.StartWith($"baseline: {Path.Combine(_series.RunDirectories[0], "student")} (promoted last)"));

        // Promote the teacher's result: the student is now worse than the last promoted run.
        Assert.That(CliRunner.Run("history", "promote", Path.Combine(_series.RunDirectories[1], "teacher"), "--store", Store).ExitCode, Is.EqualTo(0));
        var worse = CliRunner.Run("gate", "--policy", policy, "--candidate", candidate, "--baseline", "last-promoted", "--store", Store, "--out", Path.Combine(_series.Folder, "gate2"));
        Assert.That(worse.ExitCode, Is.EqualTo(1), worse.Stdout + worse.Stderr);
        Assert.That(CliRunner.Run("history", "--store", Store).Stdout, Does.Contain("run-1 *").And.Contain("run-2 *").And.Contain("* promoted"));
    }

    [Test]
    public void Harness_processes_recording_at_once_leave_a_store_equal_to_one_recording()
    {
        var shared = Path.Combine(_series.Folder, "shared.db");
        var processes = Enumerable.Range(0, 6).Select(i =>
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { HarnessDll, "history", "record", _series.RunDirectories[i % 3], "--store", shared })
                info.ArgumentList.Add(argument);
            return Process.Start(info)!;
        }).ToList();
        foreach (var process in processes)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.That(process.WaitForExit(TimeSpan.FromMinutes(2)), Is.True);
            Assert.That(process.ExitCode, Is.EqualTo(0), stderr.Result);
            process.Dispose();
        }

        var together = CliRunner.Run("history", "--store", shared, "--out", Path.Combine(_series.Folder, "a"));
        var alone = CliRunner.Run("history", "--store", Store, "--out", Path.Combine(_series.Folder, "b"));
        Assert.That(together.ExitCode, Is.EqualTo(0), together.Stderr);
        Assert.That(together.Stdout.Split("\nwrote")[0], Is.EqualTo(alone.Stdout.Split("\nwrote")[0]));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
