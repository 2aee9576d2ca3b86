using MathNet.Numerics.Statistics;
using Quantiles = MathNet.Numerics.Statistics.Statistics;

namespace Harness.Metrics.Images;

/// <summary>
/// The image-space metric of one backend in one scenario: per intent, the mean CIEDE2000 ΔE
/// between the renders of the teacher's and the backend's three tool calls on the sample photos
/// (a tool whose output failed to parse is not applied, as the app would do), summarised over
/// the intents. Lower is better; teacher replay has ΔE exactly 0.
/// </summary>
/// <param name="Intents">Intents measured.</param>
/// <param name="Photos">Sample photos each intent is rendered on.</param>
/// <param name="Size">Long side of the photos in pixels.</param>
/// <param name="Mean">Mean ΔE over intents.</param>
/// <param name="MeanCi95">Bootstrap interval of <paramref name="Mean"/> over intents.</param>
/// <param name="Median">Median ΔE over intents.</param>
/// <param name="P90">90th percentile of ΔE over intents.</param>
/// <param name="WithinJnd">Share of intents with ΔE ≤ 2.3 (about one just-noticeable difference).</param>
/// <param name="WithinJndCi95">Bootstrap interval of <paramref name="WithinJnd"/>.</param>
/// <param name="Within5">Share of intents with ΔE ≤ 5.</param>
/// <param name="Within5Ci95">Bootstrap interval of <paramref name="Within5"/>.</param>
/// <param name="TeacherEdit">Mean ΔE of the teacher's render against the original photo: the size of the edits, for scale.</param>
/// <param name="Spearman">
/// Spearman rank correlation between the per-intent ΔE and the per-intent parameter score
/// (<see cref="IntentScore"/>); null when either is constant. Negative when the offline metric
/// tracks what a user sees (a higher score, a smaller ΔE).
/// </param>
public sealed record ImageDifference(
    int Intents,
    int Photos,
    int Size,
    double Mean,
    Interval? MeanCi95,
    double Median,
    double P90,
    double WithinJnd,
    Interval? WithinJndCi95,
    double Within5,
    Interval? Within5Ci95,
    double TeacherEdit,
    double? Spearman)
{
    /// <summary>ΔE of about one just-noticeable difference.</summary>
    public const double JustNoticeable = 2.3;

    /// <summary>The second threshold the shares are reported at.</summary>
    public const double Clearly = 5;

    /// <summary>
    /// Summarises per-intent ΔE (<paramref name="deltaE"/>), the teacher edit sizes and the
    /// per-intent parameter scores (same order), with seeded bootstrap intervals over intents.
    /// </summary>
    public static ImageDifference Summarise(
        IReadOnlyList<double> deltaE, IReadOnlyList<double> teacherEdit, IReadOnlyList<double> intentScores, int photos, int size, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(deltaE);
        ArgumentNullException.ThrowIfNull(teacherEdit);
        ArgumentNullException.ThrowIfNull(intentScores);
        ArgumentNullException.ThrowIfNull(options);
        if (deltaE.Count != intentScores.Count || deltaE.Count != teacherEdit.Count)
            throw new ArgumentException($"{deltaE.Count} ΔE values, {teacherEdit.Count} teacher edits and {intentScores.Count} scores; expected one each per intent.", nameof(intentScores));
        var d = deltaE.ToArray();
        if (d.Length == 0) return new ImageDifference(0, photos, size, 0, null, 0, 0, 0, null, 0, null, 0, null);
        var rows = Enumerable.Range(0, d.Length).ToArray();
        var intervals = BootstrapEngine.Intervals(rows, 3, options, stream: 7_000, (drawn, values) =>
        {
            double sum = 0;
            int jnd = 0, clear = 0;
            foreach (var i in drawn)
            {
                sum += d[i];
                if (d[i] <= JustNoticeable) jnd++;
                if (d[i] <= Clearly) clear++;
            }
            values[0] = sum / drawn.Length;
            values[1] = (double)jnd / drawn.Length;
            values[2] = (double)clear / drawn.Length;
        });
        return new ImageDifference(
            d.Length, photos, size,
            d.Average(), intervals[0],
            Quantiles.QuantileCustom(d, 0.5, QuantileDefinition.R7),
            Quantiles.QuantileCustom(d, 0.9, QuantileDefinition.R7),
            (double)d.Count(v => v <= JustNoticeable) / d.Length, intervals[1],
            (double)d.Count(v => v <= Clearly) / d.Length, intervals[2],
            teacherEdit.Average(),
            RankCorrelation(d, [.. intentScores]));
    }

    /// <summary>
    /// The per-intent parameter score the ΔE is ranked against: the mean over the three tools of
    /// 1 when teacher and backend both leave the tool unused, 0 when only one uses it, and the
    /// spec's quality (cosine, or filter name accuracy) when both use it.
    /// </summary>
    public static double IntentScore(IReadOnlyList<(Tools.ToolSetting? Expected, Tools.ToolSetting? Predicted)> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        double sum = 0;
        foreach (var (expected, predicted) in tools)
        {
            if (expected is null && predicted is null) sum += 1;
            else if (expected is not null && predicted is not null) sum += Similarity.Quality(expected, predicted);
        }
        return tools.Count == 0 ? 0 : sum / tools.Count;
    }

    // MathNet's Spearman (Pearson of mid-ranks); undefined when either side is constant.
    private static double? RankCorrelation(double[] a, double[] b)
    {
        if (a.Length < 2 || a.Distinct().Count() < 2 || b.Distinct().Count() < 2) return null;
        var rho = Correlation.Spearman(a, b);
        return double.IsFinite(rho) ? rho : null;
    }
}
