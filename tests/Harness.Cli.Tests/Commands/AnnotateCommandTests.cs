using System.Text.Json;
using System.Text.RegularExpressions;

namespace Harness.Cli.Tests.Commands;

public class AnnotateCommandTests
{
    private static readonly string Images = RepositoryRoot.PathOf("datasets", "images");
    private static readonly string Luts = RepositoryRoot.PathOf("datasets", "tonal-color", "luts");

    private static StoredRunBuilder Run()
    {
        var run = new StoredRunBuilder("annotate-cli");
        run.Write("student-a", StoredRunBuilder.Teacher);
        run.Write("student-b", run.SwappedFilters(2));
        return run;
    }

    // What the page's Save writes, answered "yes" / "no" alternately by blind label, from the page itself.
    private static string Answers(string page, string folder, string annotator)
    {
        var html = File.ReadAllText(page);
        var study = JsonDocument.Parse(Regex.Match(html, "<script type=\"application/json\" id=\"study\">(.*?)</script>").Groups[1].Value).RootElement;
        var answers = Regex.Matches(html, "data-key=\"([^\"]+)\"").Select((m, i) =>
        {
            var key = m.Groups[1].Value.Split('|');
            return new { intent_id = key[0], label = key[1], relevant = i % 2 == 0 ? "yes" : "no", mimics = "cant_tell" };
        });
        var path = Path.Combine(folder, annotator + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            schema = "harness.annotations/v1", run_id = study.GetProperty("run_id").GetString(), seed = study.GetProperty("seed").GetInt32(),
            sample = study.GetProperty("sample").GetInt32(), backends = study.GetProperty("backends"), fingerprint = study.GetProperty("fingerprint").GetString(),
            annotator, answers,
        }));
        return path;
    }

    [Test]
    public void Annotate_writes_the_page_and_annotations_summarises_the_answers_saved_from_it()
    {
        using var run = Run();
        var page = Path.Combine(run.RunDirectory, "study.html");

        var annotate = CliRunner.Run("annotate", run.RunDirectory, "--sample", "4", "--seed", "9", "--out", page, "--images", Images, "--luts", Luts);

        Assert.That(annotate.ExitCode, Is.EqualTo(0), annotate.Stderr);
        Assert.That(annotate.Stdout, Does.Contain("4 intents x 2 backends"));
        var one = Answers(page, run.RunDirectory, "one");
        var two = Answers(page, run.RunDirectory, "two");

        var summary = CliRunner.Run("annotations", run.RunDirectory, one, two, "--images", Images, "--luts", Luts);

        Assert.That(summary.ExitCode, Is.EqualTo(0), summary.Stderr);
        Assert.That(summary.Stdout, Does.Contain("4 intents, 2 annotator(s) (one, two)"));
        Assert.That(summary.Stdout, Does.Contain("| student-a |").And.Contain("| student-b |"));
        Assert.That(summary.Stdout, Does.Contain("agreement on 'relevant': Fleiss' kappa 1.000 over 8 edits"), "both answered alike");
        Assert.That(summary.Stdout, Does.Contain("agreement on 'mimics': Fleiss' kappa N/A (no item was rated by every annotator)"));
    }

    [Test]
    public void Bad_answer_files_and_a_missing_run_exit_2_naming_them()
    {
        using var run = Run();
        var notJson = Path.Combine(run.RunDirectory, "a.json");
        File.WriteAllText(notJson, "{ not json");
        var noFingerprint = Path.Combine(run.RunDirectory, "b.json");
        File.WriteAllText(noFingerprint, """{"schema":"harness.annotations/v1","run_id":"annotate-cli","seed":1,"sample":2,"backends":["student-a"],"annotator":"x","answers":[]}""");
        var wrong = Path.Combine(run.RunDirectory, "c.json");
        File.WriteAllText(wrong, """{"schema":"harness.annotations/v1","run_id":"annotate-cli","seed":1,"sample":2,"backends":["student-a"],"fingerprint":"0000","annotator":"x","answers":[]}""");

        foreach (var (file, expected) in new[] { (notJson, "not JSON"), (noFingerprint, "fingerprint: missing"), (wrong, "fingerprint: 0000 is not this run's study") })
        {
            var result = CliRunner.Run("annotations", run.RunDirectory, file, "--images", Images, "--luts", Luts);
            Assert.That(result.ExitCode, Is.EqualTo(2), file);
            Assert.That(result.Stderr, Does.Contain(file).And.Contain(expected));
            Assert.That(result.Stderr, Does.Not.Contain("   at "));
        }

        var missing = CliRunner.Run("annotate", Path.Combine(run.RunDirectory, "nope"), "--images", Images, "--luts", Luts);
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Stderr, Does.Contain("nope"));
        var unknown = CliRunner.Run("annotate", run.RunDirectory, "--backends", "student-c", "--images", Images, "--luts", Luts);
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.Stderr, Does.Contain("no result 'student-c'"));
    }
}
