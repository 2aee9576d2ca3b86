using System.Text.RegularExpressions;

namespace Harness.Cli.Tests.Library;

/// <summary>
/// The command line is a thin layer over <c>HarnessContext</c>: it loads datasets, configs, plugins
/// and policies, runs, scores, compares and gates only through the context's catalogs, so the
/// command and the library cannot come to do different things.
/// </summary>
public sealed class ThinCommandLineTests
{
    // The Core entry points a catalog of HarnessContext wraps.
    private static readonly Regex Wrapped = new(
        @"\b(?:EvaluationRunner\.RunAsync|ConfigLoader\.Load|PluginHost\.Load|DatasetLoader\.Load|PredictionsFileReader\.Read|PredictionsScoring\.Score"
        + @"|RunComparer\.Compare|GateInputs\.Load|GatePolicyReader\.Read|GateDecision\.Evaluate|SplitOverlap\.Find|RunOptions\.Create|DatasetStatistics\.From)\b");

    [Test]
    public void Commands_reach_the_harness_through_the_context_not_through_core_internals()
    {
        var cli = RepositoryRoot.PathOf("src", "Harness.Cli");
        var uses = Directory.EnumerateFiles(cli, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(cli, f).Replace('\\', '/').StartsWith("bin/", StringComparison.Ordinal)
                && !Path.GetRelativePath(cli, f).Replace('\\', '/').StartsWith("obj/", StringComparison.Ordinal))
            .SelectMany(f => Wrapped.Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();

        Assert.That(uses, Is.Empty, "call the HarnessContext catalog that does this (src/Harness.Core/Api), or add it there");
    }
}
