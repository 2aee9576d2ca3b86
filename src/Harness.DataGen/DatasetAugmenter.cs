using System.Collections.Immutable;
using System.Globalization;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Tools;

namespace Harness.DataGen;

/// <summary>
/// The paper's augmentation step on the synthetic dataset: for each row a student got wrong, new
/// intents made of the same concepts at the same strengths in other phrasings (other templates,
/// orders, equal-strength degree words), labelled by the generator's own teacher. The generator is
/// the teacher here, so these labels are synthetic, as the dataset's are.
/// </summary>
/// <remarks>
/// The dataset decides "used" over a whole split, marking exactly the paper's count of rows per
/// tool (<see cref="UsageAllocator"/>); new rows have no split to count in. A new row uses a tool
/// when its propensity plus the same seeded noise exceeds the threshold that the train split's
/// allocation implies (<see cref="GeneratedSplit.UsageThresholds"/>), so it is labelled as a train
/// row with that noisy propensity would have been.
/// </remarks>
public static class DatasetAugmenter
{
    /// <summary>Ids of new rows are <c>aug-00001</c>, <c>aug-00002</c>, ...</summary>
    public const string IdPrefix = "aug-";

    /// <summary>New rows for the mistaken rows, up to <paramref name="perMistake"/> each, deterministic for a seed.</summary>
    /// <param name="dataset">The dataset the mistakes come from, regenerated from its seed.</param>
    /// <param name="mistakes">The mistaken rows; each must be a train row of <paramref name="dataset"/>.</param>
    /// <param name="perMistake">New intents per mistaken row, at least 1.</param>
    /// <param name="seed">Seed of the choice of phrasings and of the teacher's noise.</param>
    /// <exception cref="InputException">A row is not a train row of the dataset, or its intent differs.</exception>
    public static AugmentedRows Augment(GeneratedDataset dataset, MistakesFile mistakes, int perMistake, long seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(mistakes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perMistake);
        var sources = Sources(dataset, mistakes);
        var composer = new IntentComposer(Lexicon.All);
        var taken = dataset.Train.Rows.Concat(dataset.Test.Rows).Select(r => IntentComposer.Normalise(r.Intent)).ToHashSet(StringComparer.Ordinal);
        var rows = ImmutableArray.CreateBuilder<DatasetRow>();
        var sourceIds = ImmutableArray.CreateBuilder<string>();
        var shortOf = ImmutableArray.CreateBuilder<string>();
        foreach (var (id, uses) in sources)
        {
            var rng = SplitMix64.ForStream(seed, "augment:" + id);
            var fresh = composer.Phrasings(uses).Where(p => !taken.Contains(IntentComposer.Normalise(p.Text))).ToList();
            rng.Shuffle(fresh);
            if (fresh.Count < perMistake) shortOf.Add(id);
            foreach (var intent in fresh.Take(perMistake))
            {
                taken.Add(IntentComposer.Normalise(intent.Text));
                rows.Add(Label(intent, rows.Count + 1, dataset.Train.UsageThresholds, rng));
                sourceIds.Add(id);
            }
        }
        return new AugmentedRows(rows.ToImmutable(), sourceIds.ToImmutable(), shortOf.ToImmutable());
    }

    // The concepts of each mistaken row; every row that is not a train row of this dataset is a problem.
    private static List<(string Id, ImmutableArray<ConceptUse> Uses)> Sources(GeneratedDataset dataset, MistakesFile mistakes)
    {
        var train = dataset.Train.Rows.Select((row, index) => (row, index)).ToDictionary(x => x.row.Id, StringComparer.Ordinal);
        var test = dataset.Test.Rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var notFrom = $"the mistakes file does not come from the dataset seed {dataset.Seed.ToString(CultureInfo.InvariantCulture)} generates (see --dataset-seed)";
        var problems = new List<string>();
        var sources = new List<(string, ImmutableArray<ConceptUse>)>();
        foreach (var mistake in mistakes.Rows)
        {
            var at = $"{mistakes.Path}:{mistake.Line}";
            if (test.Contains(mistake.Id))
                problems.Add($"{at}: id: '{mistake.Id}' is a test row; augmenting near test mistakes would leak the test split into training");
            else if (!train.TryGetValue(mistake.Id, out var found))
                problems.Add($"{at}: id: '{mistake.Id}' is not a row of the dataset; {notFrom}");
            else if (found.row.Intent != mistake.Intent)
                problems.Add($"{at}: intent: '{mistake.Intent}' is not the intent of {mistake.Id} ('{found.row.Intent}'); {notFrom}");
            else
                sources.Add((mistake.Id, dataset.Train.Uses[found.index]));
        }
        if (problems.Count > 0) throw new InputException(problems);
        return sources;
    }

    private static DatasetRow Label(ComposedIntent intent, int number, ImmutableArray<double> thresholds, SplitMix64 rng)
    {
        var draft = TeacherModel.Draft(intent.Uses, rng);
        var teacher = ImmutableDictionary.CreateBuilder<ToolName, ToolSetting>();
        foreach (var tool in ToolSchema.All)
        {
            if (draft.Propensity[(int)tool] + UsageAllocator.Noise * rng.NextGaussian() > thresholds[(int)tool])
                teacher[tool] = draft.SettingFor(tool);
        }
        var id = IdPrefix + number.ToString("D5", CultureInfo.InvariantCulture);
        return new DatasetRow(id, intent.Text, Repeats: 1, teacher.ToImmutable(), Exports: null, Line: number);
    }
}
