using System.Globalization;
using System.Text;
using System.Text.Json;
using Harness.Backends;
using Harness.Plugins.MlNet.Training;
using Harness.Tools;

namespace Harness.Plugins.MlNet;

/// <summary>
/// Writes a prediction as the output text the harness parses: <c>null</c> when the tool's "used"
/// probability is under its threshold (the model's own, tuned on its held-out tenth of train; or with
/// <c>selection_thresholds</c>, "not used" when 1 − that probability is at least the calibrated
/// threshold), else the tool's JSON object with every parameter rounded to an integer within its range.
/// </summary>
internal static class ToolAnswer
{
    public const double DefaultThreshold = 0.5;

    /// <summary>The tool's "used" classifier's probability; the call's not-used probability is 1 minus it.</summary>
    public static double UsedProbability(ToolName tool, StudentOutput output) => tool switch
    {
        ToolName.Adjust => output.AdjustUsed,
        ToolName.SelectiveAdjust => output.SelectiveUsed,
        _ => output.FilterUsed,
    };

    public static string Format(ToolName tool, StudentOutput output, IReadOnlyDictionary<string, double> thresholds, SelectionThresholds? calibrated = null)
    {
        var probability = UsedProbability(tool, output);
        var used = calibrated is null
            ? probability >= thresholds.GetValueOrDefault(tool.WireName(), DefaultThreshold)
            : !calibrated.NotUsed(tool, 1 - probability);
        if (!used) return "null";
        return tool switch
        {
            ToolName.Adjust => Adjust(output.Adjust),
            ToolName.SelectiveAdjust => Selective(output.Selective),
            _ => Filter(output.FilterName, output.Intensity),
        };
    }

    private static string Adjust(float[] values)
    {
        var json = new StringBuilder("{");
        for (var i = 0; i < ToolSchema.AdjustParameters.Length; i++)
            json.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : "")}\"{ToolSchema.AdjustParameters[i]}\":{Parameter(values, i)}");
        return json.Append('}').ToString();
    }

    private static string Selective(float[] values)
    {
        var json = new StringBuilder("{");
        for (var c = 0; c < ToolSchema.SelectiveColors.Length; c++)
        {
            json.Append(CultureInfo.InvariantCulture, $"{(c > 0 ? "," : "")}\"{ToolSchema.SelectiveColors[c]}\":{{");
            for (var k = 0; k < ToolSchema.SelectiveChannels.Length; k++)
                json.Append(CultureInfo.InvariantCulture, $"{(k > 0 ? "," : "")}\"{ToolSchema.SelectiveChannels[k]}\":{Parameter(values, c * ToolSchema.SelectiveChannels.Length + k)}");
            json.Append('}');
        }
        return json.Append('}').ToString();
    }

    private static string Filter(string name, float intensity) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"name\":{JsonSerializer.Serialize(name)},\"intensity\":{Numbers.Round(intensity, ToolSchema.IntensityMin, ToolSchema.IntensityMax)}}}");

    private static int Parameter(float[] values, int index) =>
        index < values.Length ? Numbers.Round(values[index], ToolSchema.ParameterMin, ToolSchema.ParameterMax) : 0;
}
