using System.Text.RegularExpressions;

namespace Harness.Core.Tests.Architecture;

/// <summary>
/// The folders of Harness.Core depend one way, lowest first:
/// foundation (root files, <c>Json</c>, <c>Yaml</c>, <c>Plugins</c>) → tool schema (<c>Tools</c>) →
/// <c>Datasets</c> → <c>Parsing</c> → <c>Metrics</c> → <c>Statistics</c> → <c>Formatting</c> →
/// <c>Runs</c> (the run's records and on-disk formats) → {<c>Running</c>, <c>Reports</c>, <c>Gate</c>} →
/// {<c>Benchmarking</c>, <c>Annotation</c>} → <c>Api</c> (<c>HarnessContext</c>, the library's entry object, on top of all of them).
/// A folder may use any lower folder, never a higher one, and the three of one
/// level not each other, with one exception: the seam from <c>Running</c> to <c>Reports</c> is
/// <c>Running/ReportStage.cs</c>, where a run hands its <c>RunReport</c> to the report writers.
/// Read from the source: a <c>using</c>, a qualified name (<c>Harness.Reports.X</c>, <c>Reports.X</c>).
/// </summary>
public sealed class LayeringTests
{
    private static readonly string[][] Levels =
    [
        ["", "Json", "Yaml", "Plugins"],
        ["Tools"],
        ["Datasets"],
        ["Parsing"],
        ["Metrics"],
        ["Statistics"],
        ["Formatting"],
        ["Runs"],
        ["Running", "Reports", "Gate"],
        ["Benchmarking", "Annotation"],
        ["Api"],
    ];

    /// <summary>The one file of <c>Running</c> that may use <c>Reports</c>.</summary>
    private const string RunningToReportsSeam = "Running/ReportStage.cs";

    private static readonly Dictionary<string, int> LevelOf = Levels
        .SelectMany((folders, level) => folders.Select(f => (f, level)))
        .ToDictionary(x => x.f, x => x.level, StringComparer.Ordinal);

    [Test]
    public void Every_core_folder_has_a_level()
    {
        var unknown = SourceFiles().Select(f => f.Folder).Distinct().Where(f => !LevelOf.ContainsKey(f)).ToList();
        Assert.That(unknown, Is.Empty, "give each new folder of Harness.Core its level in LayeringTests.Levels");
    }

    [Test]
    public void No_folder_uses_a_higher_or_sibling_folder_except_through_the_report_stage()
    {
        var violations = new List<string>();
        foreach (var file in SourceFiles())
        {
            if (!LevelOf.TryGetValue(file.Folder, out var level)) continue;
            foreach (var used in UsedFolders(file.Text).Where(u => u != file.Folder && LevelOf.ContainsKey(u)))
            {
                if (LevelOf[used] < level) continue;
                if (file.Path == RunningToReportsSeam && used == "Reports") continue;
                violations.Add($"{file.Path} ({Name(file.Folder)}) uses {used}");
            }
        }

        Assert.That(violations, Is.Empty, "dependencies must point one way; see LayeringTests' summary");
    }

    [Test]
    public void Reports_and_parsing_do_not_use_running_and_running_uses_reports_only_in_the_report_stage()
    {
        var files = SourceFiles().ToList();
        Assert.That(files.Where(f => f.Folder is "Reports" or "Parsing" && UsedFolders(f.Text).Contains("Running")).Select(f => f.Path), Is.Empty);
        Assert.That(
            files.Where(f => f.Folder == "Running" && UsedFolders(f.Text).Contains("Reports")).Select(f => f.Path),
            Is.EquivalentTo(new[] { RunningToReportsSeam }));
    }

    private static string Name(string folder) => folder.Length == 0 ? "root" : folder;

    private static readonly Regex Using = new(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?Harness\.(\w+)", RegexOptions.Multiline);

    private static readonly Regex Declaration = new(@"\b(?:class|record|struct|interface|enum)\s+(\w+)");

    // The types each folder declares, so that a bare Reports.X counts only where X is one of them
    // (and a property such as Metrics.Run does not).
    private static readonly Lazy<Dictionary<string, HashSet<string>>> TypesOf = new(() => SourceFiles()
        .GroupBy(f => f.Folder, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.SelectMany(f => Declaration.Matches(f.Text).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal));

    private static HashSet<string> UsedFolders(string text)
    {
        var used = Using.Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(text, @"(?<![\w.])(?:Harness\.)?(\w+)(?:\.\w+)*?\.([A-Z]\w*)"))
        {
            var folder = m.Groups[1].Value;
            if (TypesOf.Value.TryGetValue(folder, out var types) && types.Contains(m.Groups[2].Value)) used.Add(folder);
        }

        return used;
    }

    private static IEnumerable<(string Path, string Folder, string Text)> SourceFiles()
    {
        var core = Path.Combine(RepositoryRoot.Path, "src", "Harness.Core");
        foreach (var file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(core, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal)) continue;
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            yield return (relative, slash < 0 ? "" : relative[..slash], File.ReadAllText(file));
        }
    }
}
