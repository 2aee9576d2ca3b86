using Harness.Datasets;
using System.Globalization;
using System.Text;
using Harness.Tools;

namespace Harness.DataGen;

/// <summary>Renders the dataset card (README.md) of a generated dataset from its real statistics.</summary>
internal static class DatasetCard
{
    public static string Render(GeneratedDataset data)
    {
        var train = DatasetStatistics.From("train", data.Train.Rows);
        var test = DatasetStatistics.From("test", data.Test.Rows);
        var validation = DatasetStatistics.From("validation", data.Validation);
        var all = DatasetStatistics.From("all", [.. data.Train.Rows, .. data.Test.Rows]);
        var md = new StringBuilder();
        DatasetCardText.Introduction(md, data.Seed, Lexicon.All.Length, IntentTemplates.ByConceptCount.Sum(t => t.Length), data.Filters.Length);

        md.Append("## Statistics\n\n### Rows and tool use\n\n");
        md.Append("| split | rows | adjust used | selective_adjust used | filter used | r3 rows | r5 rows |\n|---|---|---|---|---|---|---|\n");
        foreach (var (name, s) in new[] { ("train", train), ("test", test), ("validation (part of train)", validation) })
            md.Append(Inv($"| {name} | {s.Rows:N0} | {s.Used(ToolName.Adjust):N0} | {s.Used(ToolName.SelectiveAdjust):N0} | {s.Used(ToolName.Filter):N0} | {s.R3Rows:N0} ({Pct(s.R3Rows, s.Rows)}) | {s.R5Rows:N0} ({Pct(s.R5Rows, s.Rows)}) |\n"));
        md.Append("\nThe used counts are the paper's (Sultan et al. 2024, spec §2) exactly; the generator enforces them.\n");

        md.Append("\n### Repeats\n\n`repeats` is how many times users asked for the intent. Subsets r3 and r5 are the rows with repeats ≥ 3 and ≥ 5.\n\n");
        md.Append("| repeats | train rows | test rows |\n|---|---|---|\n");
        for (var b = 0; b < train.Repeats.Length; b++)
            md.Append(Inv($"| {train.Repeats[b].Label} | {train.Repeats[b].Rows:N0} | {test.Repeats[b].Rows:N0} |\n"));
        md.Append(Inv($"\nMean repeats: train {train.MeanRepeats:F2}, test {test.MeanRepeats:F2}; largest: train {train.MaxRepeats:N0}, test {test.MaxRepeats:N0}.\n"));

        md.Append("\n### Parameters (both splits, over the rows whose teacher uses the tool)\n\n");
        ParameterTable(md, $"adjust ({all.Used(ToolName.Adjust):N0} rows)", all.RangesOf(ToolName.Adjust));
        ParameterTable(md, $"selective_adjust ({all.Used(ToolName.SelectiveAdjust):N0} rows)", all.RangesOf(ToolName.SelectiveAdjust));
        var intensity = all.RangesOf(ToolName.Filter).Single();
        md.Append(Inv($"filter ({all.Used(ToolName.Filter):N0} rows): intensity {intensity.Min:0} to {intensity.Max:0}, mean {intensity.Mean:F1}; "));
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

    private static void ParameterTable(StringBuilder md, string title, IEnumerable<ParameterRange> columns)
    {
        md.Append(title).Append(":\n\n| parameter | min | max | mean | non-zero |\n|---|---|---|---|---|\n");
        foreach (var c in columns)
            md.Append(Inv($"| {c.Parameter} | {c.Min:0} | {c.Max:0} | {c.Mean:F1} | {c.NonZeroShare * 100:F0}% |\n"));
        md.Append('\n');
    }

    private static int Count(DatasetStatistics s, string filter) =>
        s.FilterCounts.Where(p => p.Key == filter).Sum(p => p.Value);

    private static string Pct(int part, int whole) => Inv($"{(whole == 0 ? 0 : 100.0 * part / whole):F1}%");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
