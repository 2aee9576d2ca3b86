using System.Collections.Immutable;
using System.Text.Json;
using Harness.Tools;

namespace Harness.DataGen;

/// <summary>
/// The attainable ceiling of the synthetic data: what an ideal student would answer if it knew each
/// intent's concepts and degree words but none of the teacher's random draws. It answers the
/// teacher's noise-free setting (<see cref="TeacherModel.Ideal"/>) and uses a tool when the
/// intent's noise-free propensity for it passes a threshold chosen, per tool, to maximise
/// selection F1 on the train split only. It exists because the data is synthetic: with a real
/// teacher nobody knows the concepts behind an intent.
/// </summary>
public static class OracleModel
{
    /// <summary>Per tool, in canonical order: the propensity threshold that maximises selection F1 on <paramref name="train"/>.</summary>
    public static ImmutableArray<double> Thresholds(GeneratedSplit train)
    {
        var propensity = train.Uses.Select(u => TeacherModel.Ideal(u).Propensity).ToArray();
        return [.. ToolSchema.All.Select(tool => BestThreshold(
            [.. propensity.Select(p => p[(int)tool])],
            [.. train.Rows.Select(r => r.TeacherFor(tool) is not null)]))];
    }

    /// <summary>The oracle's predictions for <paramref name="split"/> as a predictions file (one <c>{"id","outputs"}</c> per line).</summary>
    public static byte[] PredictionsFile(GeneratedSplit split, ImmutableArray<double> thresholds)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            for (var i = 0; i < split.Rows.Length; i++)
            {
                var ideal = TeacherModel.Ideal(split.Uses[i]);
                json.WriteStartObject();
                json.WriteString("id", split.Rows[i].Id);
                json.WriteStartObject("outputs");
                foreach (var tool in ToolSchema.All)
                {
                    json.WritePropertyName(tool.WireName());
                    DatasetRowWriter.WriteSetting(json, ideal.Propensity[(int)tool] > thresholds[(int)tool] ? ideal.SettingFor(tool) : null);
                }
                json.WriteEndObject();
                json.WriteEndObject();
                json.Flush();
                buffer.WriteByte((byte)'\n');
                json.Reset();
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The threshold on <paramref name="scores"/> that maximises F1 against <paramref name="used"/>: rows
    /// scoring above it are predicted used. Midway between two distinct scores, so rows that score
    /// alike always get the same answer; ties in F1 go to the higher threshold.
    /// </summary>
    internal static double BestThreshold(IReadOnlyList<double> scores, IReadOnlyList<bool> used)
    {
        var positives = used.Count(u => u);
        var groups = scores.Select((s, i) => (Score: s, Used: used[i]))
            .GroupBy(x => x.Score)
            .OrderByDescending(g => g.Key)
            .Select(g => (Score: g.Key, Count: g.Count(), Hits: g.Count(x => x.Used)))
            .ToArray();
        double bestF1 = positives == 0 ? 1 : 0, best = groups.Length == 0 ? 0.5 : groups[0].Score + 1e-9;
        int predicted = 0, hits = 0;
        for (var g = 0; g < groups.Length; g++)
        {
            predicted += groups[g].Count;
            hits += groups[g].Hits;
            var f1 = 2.0 * hits / (predicted + positives);
            if (f1 > bestF1)
            {
                bestF1 = f1;
                best = g + 1 < groups.Length ? (groups[g].Score + groups[g + 1].Score) / 2 : groups[g].Score - 1e-9;
            }
        }
        return best;
    }
}
