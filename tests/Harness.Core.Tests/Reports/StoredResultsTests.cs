using Harness.Core.Tests.Gate;
using Harness.Runs;

namespace Harness.Core.Tests.Reports;

public class StoredResultsTests
{
    [Test]
    public void A_scenario_folder_takes_its_label_from_the_backend_folder_above()
    {
        using var run = new StoredRunBuilder();
        var backend = run.Write("retrieval-baseline", StoredRunBuilder.Teacher);
        var result = StoredResults.Load(Path.Combine(backend, "single-stream")).Single();
        Assert.That(result.Label, Is.EqualTo("retrieval-baseline"));
        Assert.That(result.Calls, Has.Length.EqualTo(3000));
        Assert.That(result.Predictions(), Has.Count.EqualTo(1000));
    }

    [Test]
    public void A_backend_folder_lists_single_stream_before_offline()
    {
        using var run = new StoredRunBuilder();
        run.Write("student", StoredRunBuilder.Teacher, scenario: "offline");
        var backend = run.Write("student", StoredRunBuilder.Teacher, scenario: "single-stream");
        Assert.That(StoredResults.Load(backend).Select(r => r.Scenario), Is.EqualTo(new[] { "single-stream", "offline" }));
    }

    [Test]
    public void A_folder_without_results_is_an_input_error_saying_what_to_pass()
    {
        var empty = Directory.CreateTempSubdirectory("harness-empty-").FullName;
        try
        {
            var ex = Assert.Throws<InputException>(() => StoredResults.Load(empty))!;
            Assert.That(ex.Message, Does.Contain("no metrics.json here, in scenario folders or in <label>/<scenario> folders"));
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }
}
