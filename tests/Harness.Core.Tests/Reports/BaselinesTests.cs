using Harness.Runs;

namespace Harness.Core.Tests.Reports;

public class BaselinesTests
{
    private static readonly IReadOnlyList<BackendRunResult> Results = ReportFixtures.MultiBackendRun().Results;

    [Test]
    public void Without_a_config_the_floor_is_the_retrieval_backend_and_the_teacher_is_recognised_by_name()
    {
        Assert.That(Baselines.ByName.FloorOf(Results)?.Label, Is.EqualTo("retrieval"));
        Assert.That(Baselines.ByName.TeacherOf(Results)?.Label, Is.EqualTo("teacher-replay"));
        Assert.That(Baselines.ByName.CeilingOf(Results), Is.Null, "no backend is named oracle or ceiling");
    }

    [Test]
    public void An_oracle_is_recognised_as_the_ceiling_and_every_reference_row_is_no_candidate()
    {
        var teacher = Results.First(r => r.Label == "teacher-replay");
        var oracle = teacher with { Label = "oracle-ceiling" };
        var student = Results.First(r => r.Label == "flan-t5-onnx");

        Assert.That(Baselines.ByName.CeilingOf([.. Results, oracle]), Is.SameAs(oracle));
        Assert.That(new[] { teacher, oracle }.All(Baselines.ByName.IsUpperReference), Is.True);
        Assert.That(Baselines.ByName.IsReference(student), Is.False);
        Assert.That((Baselines.ByName.Suffix(oracle), Baselines.ByName.Suffix(teacher)), Is.EqualTo((" (ceiling)", " (teacher)")));
        Assert.That(new Baselines(Ceiling: "teacher-replay").CeilingOf([.. Results, oracle]), Is.SameAs(teacher), "a named ceiling wins over the name rule");
    }

    [Test]
    public void A_configured_floor_replaces_recognition_by_name()
    {
        var baselines = new Baselines(Floor: "flan-t5-onnx");

        Assert.That(Results.Where(baselines.IsFloor).Select(r => r.Label).Distinct(), Is.EqualTo(new[] { "flan-t5-onnx" }));
        Assert.That(baselines.FloorOf(Results)?.Metrics.Run.Scenario, Is.EqualTo("single-stream"), "the first of its results");
    }
}
