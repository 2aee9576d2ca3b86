using Harness.Annotation;
using Harness.Api;
using Harness.Tools;

namespace Harness.Core.Tests.Annotation;

public class AnnotationStudyTests
{
    private static readonly AnnotationOptions Shipped = new()
    {
        Images = RepositoryRoot.PathOf("datasets", "images"),
        Luts = RepositoryRoot.PathOf("datasets", "tonal-color", "luts"),
    };

    private static StoredRunBuilder Run(Func<Harness.Datasets.DatasetRow, ToolName, ToolSetting?>? second = null)
    {
        var run = new StoredRunBuilder("annotate-test");
        run.Write("student-a", StoredRunBuilder.Teacher);
        run.Write("student-b", second ?? ((row, tool) => tool == ToolName.Filter ? null : row.TeacherFor(tool)));
        return run;
    }

    [Test]
    public void The_same_seed_draws_the_same_study_and_another_seed_another()
    {
        using var run = Run();
        var catalog = new HarnessContext().Annotation;
        var folder = Path.Combine(run.RunDirectory, "pages");

        var first = catalog.WriteStudy(run.RunDirectory, Path.Combine(folder, "a.html"), Shipped with { Sample = 6, Seed = 3 });
        var again = catalog.WriteStudy(run.RunDirectory, Path.Combine(folder, "b.html"), Shipped with { Sample = 6, Seed = 3 });
        var other = catalog.WriteStudy(run.RunDirectory, Path.Combine(folder, "c.html"), Shipped with { Sample = 6, Seed = 4 });

        Assert.That(first.Items, Has.Length.EqualTo(6));
        Assert.That(again.Fingerprint, Is.EqualTo(first.Fingerprint));
        Assert.That(again.Items.Select(i => (i.IntentId, i.Photo, string.Join(",", i.Renders.Select(r => r.Backend)))),
            Is.EqualTo(first.Items.Select(i => (i.IntentId, i.Photo, string.Join(",", i.Renders.Select(r => r.Backend))))));
        Assert.That(File.ReadAllText(Path.Combine(folder, "b.html")), Is.EqualTo(File.ReadAllText(Path.Combine(folder, "a.html"))));
        Assert.That(other.Fingerprint, Is.Not.EqualTo(first.Fingerprint));
        Assert.That(other.Items.Select(i => i.IntentId), Is.Not.EqualTo(first.Items.Select(i => i.IntentId)));
        // Blind: over the sample both backends appear under A.
        Assert.That(first.Items.Select(i => i.Renders[0].Backend).Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public void The_page_is_self_contained_and_asks_both_questions_for_every_blind_render()
    {
        using var run = Run();
        var page = Path.Combine(run.RunDirectory, "page.html");

        var study = new HarnessContext().Annotation.WriteStudy(run.RunDirectory, page, Shipped with { Sample = 4 });

        var html = File.ReadAllText(page);
        Assert.That(System.Text.RegularExpressions.Regex.Count(html, "data-key="), Is.EqualTo(4 * 2));
        Assert.That(System.Text.RegularExpressions.Regex.Count(html, "src=\"data:image/webp;base64,"), Is.EqualTo(4 * 4), "photo, teacher and two backends per intent");
        Assert.That(html, Does.Not.Contain("src=\"http"), "no requests");
        Assert.That(System.Text.RegularExpressions.Regex.Count(html, "student-a"), Is.EqualTo(1), "a backend is named once, in the study's metadata the answers carry, never beside a render");
        Assert.That(html, Does.Contain(study.Fingerprint));
    }

    [Test]
    public void Answers_of_a_changed_run_are_refused_naming_the_file_and_the_fingerprint()
    {
        using var run = Run();
        var catalog = new HarnessContext().Annotation;
        var study = catalog.WriteStudy(run.RunDirectory, Path.Combine(run.RunDirectory, "page.html"), Shipped with { Sample = 4 });
        var answers = Path.Combine(run.RunDirectory, "answers.json");
        File.WriteAllText(answers, $$"""{"schema":"harness.annotations/v1","run_id":"annotate-test","seed":1,"sample":4,"backends":["student-a","student-b"],"fingerprint":"{{study.Fingerprint}}","annotator":"x","answers":[]}""");
        Assert.That(catalog.Summarise(run.RunDirectory, [answers], Shipped).Backends, Has.Length.EqualTo(2));

        // The second student's answers change (a rerun into the same folder): the study is not the one annotated.
        run.Write("student-b", (row, tool) => tool == ToolName.Adjust ? null : row.TeacherFor(tool));

        var ex = Assert.Throws<InputException>(() => catalog.Summarise(run.RunDirectory, [answers], Shipped));
        Assert.That(ex!.Message, Does.Contain(answers).And.Contain("fingerprint"));
    }

    [Test]
    public void Summary_counts_yes_of_yes_and_no_per_backend_and_the_agreement_of_two_annotators()
    {
        using var run = Run();
        var catalog = new HarnessContext().Annotation;
        var study = catalog.WriteStudy(run.RunDirectory, Path.Combine(run.RunDirectory, "page.html"), Shipped with { Sample = 5 });
        string File(string name, Func<BlindRender, int, string> relevant)
        {
            var answers = study.Items.SelectMany((item, i) => item.Renders.Select(r =>
                $$"""{"intent_id":"{{item.IntentId}}","label":"{{r.Label}}","relevant":"{{relevant(r, i)}}","mimics":{{(r.Backend == "student-a" ? "\"yes\"" : "null")}}}"""));
            var path = Path.Combine(run.RunDirectory, name);
            System.IO.File.WriteAllText(path, $$"""{"schema":"harness.annotations/v1","run_id":"annotate-test","seed":1,"sample":5,"backends":["student-a","student-b"],"fingerprint":"{{study.Fingerprint}}","annotator":"{{name}}","answers":[{{string.Join(",", answers)}}]}""");
            return path;
        }
        // Both say student-a is relevant; on student-b one says no throughout, the other says yes on the first two intents.
        var one = File("one.json", (r, i) => r.Backend == "student-a" ? "yes" : "no");
        var two = File("two.json", (r, i) => r.Backend == "student-a" || i < 2 ? "yes" : "no");

        var summary = catalog.Summarise(run.RunDirectory, [one, two], Shipped);

        var a = summary.Backends.Single(b => b.Backend == "student-a");
        var b = summary.Backends.Single(b => b.Backend == "student-b");
        Assert.That((a.Relevant.Yes, a.Relevant.N), Is.EqualTo((10, 10)));
        Assert.That((b.Relevant.Yes, b.Relevant.N), Is.EqualTo((2, 10)));
        Assert.That((b.Mimics.N, b.Mimics.Unanswered), Is.EqualTo((0, 10)));
        var relevant = summary.Agreements.Single(g => g.Question == "relevant");
        Assert.That(relevant.Items, Is.EqualTo(10));
        // 8 of 10 edits agreed; yes share 12/20: Pe = 0.6² + 0.4² = 0.52, P̄ = 0.8, kappa = 0.28 / 0.48.
        Assert.That(relevant.Kappa, Is.EqualTo(0.28 / 0.48).Within(1e-12));
        Assert.That(summary.Agreements.Single(g => g.Question == "mimics").Kappa, Is.Null);
    }
}
