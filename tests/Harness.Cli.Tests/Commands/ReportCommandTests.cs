namespace Harness.Cli.Tests.Commands;

public class ReportCommandTests
{
    [Test]
    public void Report_rewrites_the_named_writers_outputs_from_a_run_folder()
    {
        using var run = new StoredRunBuilder();
        run.Write("teacher", StoredRunBuilder.Teacher);
        run.Write("retrieval", run.SwappedFilters(every: 5));

        var result = CliRunner.Run("report", run.RunDirectory, "--writers", "HTML,json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        var html = File.ReadAllText(Path.Combine(run.RunDirectory, "index.html"));
        Assert.That(html, Does.Contain("retrieval <span class=\"badge floor\">floor</span>"));
        Assert.That(html, Does.Contain("wrong filter"), "per-row detail from the dataset run.json names");
        Assert.That(File.Exists(Path.Combine(run.RunDirectory, "summary.json")));
    }

    [Test]
    public void Backend_that_run_json_records_as_failed_is_shown_with_its_error()
    {
        using var run = new StoredRunBuilder();
        run.Write("teacher", StoredRunBuilder.Teacher);
        var runJson = Path.Combine(run.RunDirectory, "run.json");
        var text = File.ReadAllText(runJson);
        File.WriteAllText(runJson, text[..text.LastIndexOf('}')] +
            ",\"backends\":{\"teacher\":{\"plugin\":\"Replay\",\"error\":null},\"llama\":{\"plugin\":\"LlamaCpp\",\"model\":\"llama-2-7b\",\"error\":\"model file not found: models/llama.gguf\"}}}\n");

        var result = CliRunner.Run("report", run.RunDirectory, "--writers", "html");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(File.ReadAllText(Path.Combine(run.RunDirectory, "index.html")), Does.Contain("failed to run: model file not found: models/llama.gguf"));
    }

    [Test]
    public void Unknown_writer_exits_2_listing_the_valid_names()
    {
        using var run = new StoredRunBuilder();
        run.Write("teacher", StoredRunBuilder.Teacher);
        var result = CliRunner.Run("report", run.RunDirectory, "--writers", "pdf");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("unknown report writer 'pdf'; valid names: html, json, junit, markdown"));
    }
}
