using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Harness.Parsing;
using Harness.Running;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Annotation;

/// <summary>
/// The paper's reality check drawn from a finished run: a seeded sample of intents, each shown on
/// one sample photo with the teacher's edit and every chosen backend's edit under shuffled blind
/// labels (A, B, ...). The same run, seed, sample size and backends always draw the same study,
/// so the answers need no key file: <see cref="Fingerprint"/> checks that a redraw is the study
/// that was annotated (it covers the intents, photos, labels and every edit shown).
/// </summary>
public sealed record AnnotationStudy(string RunId, int Seed, int Sample, ImmutableArray<string> Backends, ImmutableArray<string> Photos, ImmutableArray<AnnotationItem> Items, string Fingerprint)
{
    /// <summary>
    /// Draws the study of <paramref name="report"/>: <paramref name="sample"/> intents (all, when
    /// fewer have an answer from every backend); <paramref name="backends"/> by label, or every result
    /// but the teacher's when empty; each backend's single-stream answers when it has them.
    /// </summary>
    /// <exception cref="InputException">An unknown backend, no backend, a sample below 1, or a run whose dataset is not found.</exception>
    public static AnnotationStudy Draw(RunReport report, IReadOnlyList<string> photos, IReadOnlySet<string> looks, int sample, int seed, IReadOnlyList<string> backends)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (sample < 1) throw new InputException($"--sample must be at least 1 (got {sample}).");
        if (photos.Count == 0) throw new InputException("no sample photos to render on.");
        if (report.Dataset.Rows.IsEmpty)
            throw new InputException($"run {report.RunId}: its dataset ({report.Dataset.Name}) was not found; pass --dataset FILE.");
        var byLabel = report.Results.Where(r => r.Error is null).GroupBy(r => r.Label, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.FirstOrDefault(r => r.Metrics.Run.Scenario == ScenarioNames.SingleStream) ?? g.First(), StringComparer.Ordinal);
        var chosen = backends.Count > 0
            ? [.. backends]
            : byLabel.Keys.Where(l => l != report.Teacher).ToList();
        foreach (var label in chosen.Where(l => !byLabel.ContainsKey(l)))
            throw new InputException($"--backends: run {report.RunId} has no result '{label}'; it has: {string.Join(", ", byLabel.Keys)}.");
        if (chosen.Count == 0) throw new InputException($"run {report.RunId} has no backend to annotate besides the teacher.");

        var answers = chosen.ToDictionary(l => l, l => ResultCalls.ByRowAndTool(byLabel[l].Calls), StringComparer.Ordinal);
        var rows = report.Dataset.Rows.Where(r => chosen.All(l => ToolSchema.All.Any(t => answers[l].ContainsKey((r.Id, t))))).ToList();
        var random = new MathNet.Numerics.Random.MersenneTwister(seed, threadSafe: false);
        var sampled = rows.Select(r => (Row: r, Key: random.Next())).OrderBy(x => x.Key).Take(sample).Select(x => x.Row).ToList();

        var items = ImmutableArray.CreateBuilder<AnnotationItem>();
        foreach (var row in sampled)
        {
            var photo = random.Next(photos.Count);
            var order = chosen.Select(l => (Label: l, Key: random.Next())).OrderBy(x => x.Key).Select(x => x.Label).ToList();
            var renders = order.Select((backend, i) => new BlindRender(
                ((char)('A' + i)).ToString(), backend,
                ImageMetricStage.Settings(ToolSchema.All.Select(t => answers[backend].GetValueOrDefault((row.Id, t))?.Parsed.Setting), looks)));
            items.Add(new AnnotationItem(row.Id, row.Intent, photo, ImageMetricStage.Settings(ToolSchema.All.Select(row.TeacherFor), looks), [.. renders]));
        }
        var study = new AnnotationStudy(report.RunId, seed, sample, [.. chosen], [.. photos], items.ToImmutable(), "");
        return study with { Fingerprint = FingerprintOf(study, report, answers) };
    }

    // SHA-256 (first 16 hex digits) of what an annotator saw: the run, the photos, and per item the
    // intent, photo, and each label's backend with its three tool answers.
    private static string FingerprintOf(AnnotationStudy study, RunReport report, Dictionary<string, ImmutableDictionary<(string, ToolName), CallRecord>> answers)
    {
        var text = new StringBuilder().Append(study.RunId).Append('\n').AppendJoin(',', study.Photos).Append('\n');
        var rows = report.Dataset.Rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var item in study.Items)
        {
            text.Append(item.IntentId).Append('|').Append(item.Photo).Append('\n');
            foreach (var tool in ToolSchema.All)
                text.Append(Json(rows[item.IntentId].TeacherFor(tool))).Append('\n');
            foreach (var render in item.Renders)
            {
                text.Append(render.Label).Append('=').Append(render.Backend).Append('\n');
                foreach (var tool in ToolSchema.All)
                    text.Append(Json(answers[render.Backend].GetValueOrDefault((item.IntentId, tool))?.Parsed.Setting)).Append('\n');
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static string Json(ToolSetting? setting) => setting is null ? "null" : ToolSettingJson.ToJson(setting);
}
