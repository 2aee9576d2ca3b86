namespace Harness.Plugins.MlNet.Training;

/// <summary>A seeded split of the train rows: 90% to fit, 10% held out to choose on (never the test split).</summary>
internal static class HeldOut
{
    public static (List<TrainRow> Fit, List<TrainRow> Held) Split(IReadOnlyList<TrainRow> rows, int seed)
    {
        var order = Enumerable.Range(0, rows.Count).ToArray();
        new Random(seed).Shuffle(order);
        var heldCount = Math.Max(1, rows.Count / 10);
        return ([.. order.Skip(heldCount).Select(i => rows[i])], [.. order.Take(heldCount).Select(i => rows[i])]);
    }

    /// <summary>F1 of predicted against true labels; 0 when there is no true positive.</summary>
    public static double F1(IReadOnlyList<bool> predicted, IReadOnlyList<bool> truth)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < predicted.Count; i++)
        {
            if (predicted[i] && truth[i]) tp++;
            else if (predicted[i]) fp++;
            else if (truth[i]) fn++;
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
