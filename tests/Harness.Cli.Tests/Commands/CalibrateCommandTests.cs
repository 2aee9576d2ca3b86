using Harness.Backends;

namespace Harness.Cli.Tests.Commands;

public class CalibrateCommandTests : SmallSplitTest
{
    private const string Retrieval = "  - label: retrieval\n    plugin: Retrieval\n    options: { train: test.jsonl, k: 3 }";

    private string Config(string backends) =>
        Fixture.Write("eval.yaml", $"dataset: test.jsonl\nwarmup: 0\nscenarios: [offline]\nreports: []\nbackends:\n{backends}");

    // A validation split that is not the evaluated file: the small split's first four rows.
    private string Validation() => Fixture.Write("validation.jsonl", DatasetFixture.SmallSplit()[..4]);

    private string Thresholds(string validationSha256, string tools = """{"adjust":{"threshold":0.5,"f1_before":1,"f1_after":1},"selective_adjust":{"threshold":0.5,"f1_before":1,"f1_after":1},"filter":{"threshold":0.5,"f1_before":1,"f1_after":1}}""") =>
        Fixture.Write("thresholds.json", $$"""{"backend":"retrieval","plugin":"Retrieval","model_sha256":null,"validation":"validation.jsonl","validation_sha256":"{{validationSha256}}","tools":{{tools}}}""");

    [Test]
    public void Calibrate_runs_the_backend_on_the_validation_split_and_writes_thresholds_naming_its_hash()
    {
        var validation = Validation();
        var output = Fixture.PathOf("out/thresholds.json");

        var result = CliRunner.Run("calibrate", "--config", Config(Retrieval), "--backend", "retrieval", "--out", output, "--run-out", Fixture.PathOf("reports/cal"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("selective_adjust: threshold").And.Contain("wrote " + output));
        var thresholds = SelectionThresholds.Load(output);
        Assert.That(thresholds.ValidationSha256, Is.EqualTo(FileHash.Sha256(validation)));
        Assert.That(thresholds.Validation, Is.EqualTo("../validation.jsonl"));
        Assert.That(thresholds.Backend, Is.EqualTo("retrieval"));
        // Retrieval over its own rows answers each with itself: greedy is already perfect.
        Assert.That(thresholds.Tools.Values.Select(t => t.F1Before), Has.All.EqualTo(1.0));
        Assert.That(thresholds.Tools.Values.Select(t => t.F1After), Has.All.EqualTo(1.0));
    }

    [Test]
    public void A_backend_without_probabilities_is_an_input_error_naming_it()
    {
        Validation();
        var replay = "  - label: teacher\n    plugin: Replay\n    options: { dataset: test.jsonl }";

        var result = CliRunner.Run("calibrate", "--config", Config(replay), "--backend", "teacher", "--run-out", Fixture.PathOf("reports/cal"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("backend teacher (Replay) reported no not-used probability"));
    }

    [Test]
    public void Calibrating_on_the_file_the_config_evaluates_is_refused()
    {
        var result = CliRunner.Run("calibrate", "--config", Config(Retrieval), "--backend", "retrieval", "--validation", SplitPath, "--run-out", Fixture.PathOf("reports/cal"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("is the file").And.Contain("evaluates"));
    }

    [Test]
    public void Eval_applies_thresholds_fitted_on_another_file()
    {
        var thresholds = Thresholds(FileHash.Sha256(Validation()));
        var calibrated = Retrieval + "\n  - label: calibrated\n    plugin: Retrieval\n    options: { train: test.jsonl, k: 3, selection_thresholds: thresholds.json }";

        var result = CliRunner.Run("eval", "--config", Config(calibrated), "--out", Fixture.PathOf("reports/r"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("calibrated / offline: overall"));
        Assert.That(thresholds, Does.Exist);
    }

    [Test]
    public void Eval_refuses_thresholds_fitted_on_the_file_it_evaluates_naming_both()
    {
        Thresholds(FileHash.Sha256(SplitPath));
        var calibrated = "  - label: calibrated\n    plugin: Retrieval\n    options: { train: test.jsonl, selection_thresholds: thresholds.json }";

        var result = CliRunner.Run("eval", "--config", Config(calibrated), "--out", Fixture.PathOf("reports/r"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain(Fixture.PathOf("thresholds.json")).And.Contain("was fitted on " + SplitPath));
        Assert.That(result.Stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public void A_bad_thresholds_file_is_an_input_error_naming_the_field()
    {
        Thresholds(FileHash.Sha256(Validation()), """{"adjust":{"threshold":1.5,"f1_before":1,"f1_after":1},"selective_adjust":{"threshold":0.5,"f1_before":1,"f1_after":1},"filter":{"threshold":0.5,"f1_before":1,"f1_after":1}}""");
        var calibrated = "  - label: calibrated\n    plugin: Retrieval\n    options: { train: test.jsonl, selection_thresholds: thresholds.json }";

        var result = CliRunner.Run("eval", "--config", Config(calibrated), "--out", Fixture.PathOf("reports/r"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("field 'tools.adjust.threshold' must be from 0 to 1, not 1.5"));
    }

    [Test]
    public void A_thresholds_file_missing_a_tool_is_an_input_error_naming_it()
    {
        Thresholds(FileHash.Sha256(Validation()), """{"adjust":{"threshold":0.5,"f1_before":1,"f1_after":1},"filter":{"threshold":0.5,"f1_before":1,"f1_after":1}}""");
        var calibrated = "  - label: calibrated\n    plugin: Retrieval\n    options: { train: test.jsonl, selection_thresholds: thresholds.json }";

        var result = CliRunner.Run("eval", "--config", Config(calibrated), "--out", Fixture.PathOf("reports/r"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("field 'tools.selective_adjust' is missing"));
    }
}
