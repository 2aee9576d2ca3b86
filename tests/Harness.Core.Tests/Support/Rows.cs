using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Tests.Support;

/// <summary>Builds dataset rows and predictions in code for metric tests.</summary>
internal static class Rows
{
    public static VectorSetting Adjust(params double[] leading) => new(ToolName.Adjust, Pad(leading, 14));

    public static VectorSetting Selective(params double[] leading) => new(ToolName.SelectiveAdjust, Pad(leading, 12));

    public static FilterSetting Filter(string name, double intensity = 50) => new(name, intensity);

    public static DatasetRow Row(string id, int repeats = 1, ToolSetting? adjust = null, ToolSetting? selective = null, ToolSetting? filter = null) =>
        new(id, "intent " + id, repeats, Settings(adjust, selective, filter), null);

    public static RowPrediction Prediction(string id, ToolSetting? adjust = null, ToolSetting? selective = null, ToolSetting? filter = null) =>
        new(id, ToolSchema.All.ToImmutableDictionary(t => t, t => new ParsedOutput(t, t switch
        {
            ToolName.Adjust => adjust,
            ToolName.SelectiveAdjust => selective,
            _ => filter,
        })));

    /// <summary>Predictions that repeat the teacher exactly.</summary>
    public static Dictionary<string, RowPrediction> TeacherPredictions(IEnumerable<DatasetRow> rows) =>
        rows.ToDictionary(r => r.Id, r => Prediction(r.Id, r.TeacherFor(ToolName.Adjust), r.TeacherFor(ToolName.SelectiveAdjust), r.TeacherFor(ToolName.Filter)));

    /// <summary>Predictions that use no tool at all.</summary>
    public static Dictionary<string, RowPrediction> NullPredictions(IEnumerable<DatasetRow> rows) =>
        rows.ToDictionary(r => r.Id, r => Prediction(r.Id));

    private static ImmutableDictionary<ToolName, ToolSetting> Settings(ToolSetting? adjust, ToolSetting? selective, ToolSetting? filter)
    {
        var builder = ImmutableDictionary.CreateBuilder<ToolName, ToolSetting>();
        if (adjust is not null) builder[ToolName.Adjust] = adjust;
        if (selective is not null) builder[ToolName.SelectiveAdjust] = selective;
        if (filter is not null) builder[ToolName.Filter] = filter;
        return builder.ToImmutable();
    }

    private static ImmutableArray<double> Pad(double[] leading, int length) =>
        [.. Enumerable.Range(0, length).Select(i => i < leading.Length ? leading[i] : 0)];
}
