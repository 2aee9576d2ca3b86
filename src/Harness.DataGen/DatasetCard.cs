using System.Globalization;
using System.Text;
using Harness.Tools;

namespace Harness.DataGen;

/// <summary>Renders the dataset card (README.md) of a generated dataset from its real statistics.</summary>
internal static class DatasetCard
{
    public static string Render(GeneratedDataset data)
    {
        var train = new SplitStatistics(data.Train.Rows);
        var test = new SplitStatistics(data.Test.Rows);
        var all = new SplitStatistics([.. data.Train.Rows, .. data.Test.Rows]);
        var md = new StringBuilder();
        DatasetCardText.Introduction(md, data.Seed, Lexicon.All.Length, IntentTemplates.ByConceptCount.Sum(t => t.Length), data.Filters.Length);

        md.Append("## Statistics\n\n### Rows and tool use\n\n");
        md.Append("| split | rows | adjust used | selective_adjust used | filter used | r3 rows | r5 rows |\n|---|---|---|---|---|---|---|\n");
        foreach (var (name, s) in new[] { ("train", train), ("test", test) })
            md.Append(Inv($"| {name} | {s.Rows:N0} | {s.Used[0]:N0} | {s.Used[1]:N0} | {s.Used[2]:N0} | {s.R3:N0} ({Pct(s.R3, s.Rows)}) | {s.R5:N0} ({Pct(s.R5, s.Rows)}) |\n"));
        md.Append("\nThe used counts are the paper's (Sultan et al. 2024, spec §2) exactly; the generator enforces them.\n");

        md.Append("\n### Repeats\n\n`repeats` is how many times users asked for the intent. Subsets r3 and r5 are the rows with repeats ≥ 3 and ≥ 5.\n\n");
        md.Append("| repeats | train rows | test rows |\n|---|---|---|\n");
        for (var b = 0; b < SplitStatistics.RepeatBuckets.Length; b++)
            md.Append(Inv($"| {SplitStatistics.RepeatBuckets[b].Label} | {train.RepeatCounts[b]:N0} | {test.RepeatCounts[b]:N0} |\n"));
        md.Append(Inv($"\nMean repeats: train {train.MeanRepeats:F2}, test {test.MeanRepeats:F2}; largest: train {train.MaxRepeats:N0}, test {test.MaxRepeats:N0}.\n"));

        md.Append("\n### Parameters (both splits, over the rows whose teacher uses the tool)\n\n");
        ParameterTable(md, $"adjust ({all.Used[0]:N0} rows)", all.Adjust);
        ParameterTable(md, $"selective_adjust ({all.Used[1]:N0} rows)", all.Selective);
        md.Append(Inv($"filter ({all.Used[2]:N0} rows): intensity {all.Intensity.Min:0} to {all.Intensity.Max:0}, mean {all.Intensity.Mean:F1}; "));
        md.Append(Inv($"{all.FilterCounts.Length} of the {data.Filters.Length} catalogue filters occur.\n\n"));

        md.Append("Most frequent filters:\n\n| filter | train | test |\n|---|---|---|\n");
        foreach (var (name, _) in all.FilterCounts.Take(10))
            md.Append(Inv($"| `{name}` | {Count(train, name):N0} | {Count(test, name):N0} |\n"));

        md.Append("\n### Example rows (test split)\n\n");
        foreach (var row in data.Test.Rows.Take(8))
        {
            var tools = string.Join(", ", ToolSchema.All.Where(t => row.TeacherFor(t) is not null).Select(t => t.WireName()));
            var filter = row.TeacherFor(ToolName.Filter) is FilterSetting f ? Inv($" (`{f.Name}` at {f.Intensity:0})") : "";
            md.Append(Inv($"- `{row.Id}` \"{row.Intent}\", repeats {row.Repeats}: {(tools.Length == 0 ? "no tool" : tools)}{filter}\n"));
        }
        DatasetCardText.Schema(md);
        // Raw string literals take the source file's line endings; the card is always LF.
        return md.ToString().ReplaceLineEndings("\n");
    }

    private static void ParameterTable(StringBuilder md, string title, IEnumerable<ParameterSummary> columns)
    {
        md.Append(title).Append(":\n\n| parameter | min | max | mean | non-zero |\n|---|---|---|---|---|\n");
        foreach (var c in columns)
            md.Append(Inv($"| {c.Name} | {c.Min:0} | {c.Max:0} | {c.Mean:F1} | {c.NonZeroShare * 100:F0}% |\n"));
        md.Append('\n');
    }

    private static int Count(SplitStatistics s, string filter) =>
        s.FilterCounts.Where(p => p.Key == filter).Sum(p => p.Value);

    private static string Pct(int part, int whole) => Inv($"{(whole == 0 ? 0 : 100.0 * part / whole):F1}%");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
