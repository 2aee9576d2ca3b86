using Harness.Datasets;
using Harness.Metrics;
using Harness.Tests.Support;
using Harness.Tools;

namespace Harness.Core.Tests.Datasets;

public class TonalColorSplitTests
{
    [Test]
    public void Test_split_reproduces_the_papers_used_counts()
    {
        var stats = DatasetStatistics.From(DatasetLoader.Load(TonalColor.TestSplit));
        Assert.That(stats.Rows, Is.EqualTo(1000));
        Assert.That(stats.UsedCounts, Is.EqualTo(new[] { 912, 356, 683 }));
        Assert.That(stats.ToMarkdownTable(), Does.Contain("| test | 1,000 | 912 | 356 | 683 |"));
    }

    [Test]
    public void Train_split_reproduces_the_papers_used_counts()
    {
        var stats = DatasetStatistics.From(DatasetLoader.Load(TonalColor.TrainSplit));
        Assert.That(stats.Rows, Is.EqualTo(8252));
        Assert.That(stats.UsedCounts, Is.EqualTo(new[] { 7570, 2647, 5448 }));
        Assert.That(stats.ToMarkdownTable(), Does.Contain("| train | 8,252 | 7,570 | 2,647 | 5,448 |"));
    }

    [Test]
    public void Teacher_outputs_score_one_and_no_outputs_score_zero_on_the_test_split()
    {
        var rows = DatasetLoader.Load(TonalColor.TestSplit).Rows;
        var teacher = MetricsCalculator.Compute(rows, Rows.TeacherPredictions(rows), BootstrapOptions.Default);
        var none = MetricsCalculator.Compute(rows, Rows.NullPredictions(rows), BootstrapOptions.Default);

        Assert.That(teacher.Select(s => s.Name), Is.EqualTo(new[] { "all", "r3", "r5" }));
        foreach (var subset in teacher)
        {
            Assert.That(subset.Overall, Is.EqualTo(1), subset.Name);
            Assert.That(subset.OverallCi95, Is.EqualTo(new Interval(1, 1)), subset.Name);
            foreach (var tool in subset.Tools)
            {
                Assert.That((tool.Precision, tool.Recall, tool.SelectionF1, tool.Quality, tool.Final), Is.EqualTo((1.0, 1.0, 1.0, 1.0, 1.0)), $"{subset.Name} {tool.Tool}");
                Assert.That(tool.FinalCi95, Is.EqualTo(new Interval(1, 1)));
            }
            Assert.That(subset[ToolName.Filter].IntensityMae, Is.Zero);
        }
        Assert.That(teacher[0][ToolName.Adjust].QualityN, Is.EqualTo(912));
        foreach (var subset in none)
        {
            Assert.That(subset.Overall, Is.Zero, subset.Name);
            Assert.That(subset.Tools.Select(t => t.Final), Is.All.Zero);
        }
    }
}
