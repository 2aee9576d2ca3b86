namespace Harness.Datasets;

/// <summary>Spec §2: intents are never shared between splits (train and test).</summary>
public static class SplitOverlap
{
    /// <summary>One problem per intent found in more than one split, as <c>FILE:LINE: intent: ...</c>.</summary>
    public static IReadOnlyList<string> Find(IReadOnlyList<Dataset> splits)
    {
        ArgumentNullException.ThrowIfNull(splits);
        var problems = new List<string>();
        var firstSeen = new Dictionary<string, (Dataset Split, DatasetRow Row)>(StringComparer.Ordinal);
        foreach (var split in splits)
        {
            foreach (var row in split.Rows)
            {
                if (firstSeen.TryGetValue(row.Intent, out var first) && !ReferenceEquals(first.Split, split))
                    problems.Add($"{split.Path}:{row.Line}: intent: '{row.Intent}' is also in {first.Split.Name} line {first.Row.Line}; splits must not share intents");
                else
                    firstSeen.TryAdd(row.Intent, (split, row));
            }
        }
        return problems;
    }
}
