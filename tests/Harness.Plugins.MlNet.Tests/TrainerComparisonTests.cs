using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Harness.Plugins.MlNet.Tests;

/// <summary><c>trainers: compare</c>: every candidate of every family scored on a held-out part of train, then the winners trained.</summary>
public partial class TrainerComparisonTests
{
    [Test]
    public async Task Compare_scores_each_familys_trainers_on_held_out_rows_and_trains_the_winners()
    {
        using var folder = new TempFolder();
        folder.CopyCatalogue();
        File.WriteAllLines(Path.Combine(folder.Path, "train.jsonl"), File.ReadLines(Student.ShippedTrain).Take(400));
        var log = new ConcurrentQueue<string>();

        await using var student = await Student.CreateAsync(folder.Path, log, ("train", "train.jsonl"), ("cache", "cache"), ("trainers", "compare"), ("threads", "2"));

        TestContext.Out.WriteLine(string.Join(Environment.NewLine, log));
        var scored = log.Select(l => Scored().Match(l)).Where(m => m.Success).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}").ToList();
        Assert.That(scored, Is.EquivalentTo(new[]
        {
            "used sdca", "used lbfgs", "used fasttree", "used lightgbm",
            "filter_name sdca", "filter_name lbfgs", "filter_name lightgbm",
            "intensity sdca", "intensity fasttree", "intensity lightgbm",
            "adjust sdca", "adjust fasttree", "adjust lightgbm",
            "selective_adjust sdca", "selective_adjust fasttree", "selective_adjust lightgbm",
        }));
        Assert.That(log, Has.Some.Contains("comparing trainers: 360 rows to fit, 40 held out (seed 1)"));
        Assert.That(log, Has.Some.Match(@"MlNet: winners used=\w+,filter_name=\w+,intensity=\w+,adjust=\w+,selective_adjust=\w+$"));
        Assert.That(await Student.AskAsync(student, ["golden hour"], batched: false), Has.All.Length.EqualTo(3));
    }

    [GeneratedRegex(@"MlNet:\s+(\w+) (sdca|lbfgs|fasttree|lightgbm): .* \d\.\d{4}, trained in")]
    private static partial Regex Scored();
}
