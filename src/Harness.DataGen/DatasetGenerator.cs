using System.Collections.Immutable;
using System.Globalization;
using Harness.Datasets;
using Harness.Tools;

namespace Harness.DataGen;

/// <summary>
/// Makes the synthetic tonal-colour dataset (<c>harness datagen</c>): intents composed from the
/// lexicon, teacher outputs derived from the concepts, used counts exactly the paper's.
/// The same seed gives the same bytes on every machine and runtime.
/// </summary>
public static class DatasetGenerator
{
    /// <summary>The seed of the shipped <c>datasets/tonal-color</c> files.</summary>
    public const long DefaultSeed = 2410;

    /// <summary>Generates both splits; the test split first, so it does not depend on the train size.</summary>
    public static GeneratedDataset Generate(long seed)
    {
        var composer = new IntentComposer(Lexicon.All);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var test = GenerateSplit(SplitTarget.Test, seed, composer, seen);
        var train = GenerateSplit(SplitTarget.Train, seed, composer, seen);
        return new GeneratedDataset(seed, train, test, FilterCatalogue.Names);
    }

    private static GeneratedSplit GenerateSplit(SplitTarget target, long seed, IntentComposer composer, HashSet<string> seen)
    {
        var rng = SplitMix64.ForStream(seed, target.Name + ":intents");
        var intents = new ComposedIntent[target.Rows];
        var drafts = new TeacherDraft[target.Rows];
        var repeats = new int[target.Rows];
        for (var i = 0; i < target.Rows; i++)
        {
            intents[i] = ComposeUnique(composer, rng, seen);
            drafts[i] = TeacherModel.Draft(intents[i].Uses, rng);
            repeats[i] = RepeatsModel.Draw(intents[i].Uses.Length, rng);
        }

        var usageRng = SplitMix64.ForStream(seed, target.Name + ":usage");
        var allocations = ToolSchema.All
            .Select(tool => UsageAllocator.Allocate(drafts.Select(d => d.Propensity[(int)tool]).ToArray(), target.UsedCount(tool), usageRng))
            .ToArray();
        var used = allocations.Select(a => a.Used).ToArray();

        var exportsRng = SplitMix64.ForStream(seed, target.Name + ":exports");
        var rows = ImmutableArray.CreateBuilder<DatasetRow>(target.Rows);
        for (var i = 0; i < target.Rows; i++)
        {
            var teacher = ImmutableDictionary.CreateBuilder<ToolName, ToolSetting>();
            foreach (var tool in ToolSchema.All.Where(t => used[(int)t][i]))
                teacher[tool] = drafts[i].SettingFor(tool);
            var exports = RepeatsModel.Exports(repeats[i], [used[0][i], used[1][i], used[2][i]], exportsRng);
            var id = target.Name + "-" + (i + 1).ToString("D5", CultureInfo.InvariantCulture);
            rows.Add(new DatasetRow(id, intents[i].Text, repeats[i], teacher.ToImmutable(), exports, i + 1));
        }
        return new GeneratedSplit(target, rows.MoveToImmutable(), [.. intents.Select(x => x.Uses)], [.. allocations.Select(a => a.Threshold)]);
    }

    private static ComposedIntent ComposeUnique(IntentComposer composer, SplitMix64 rng, HashSet<string> seen)
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var intent = composer.Compose(rng);
            if (seen.Add(IntentComposer.Normalise(intent.Text))) return intent;
        }
        throw new InvalidOperationException("The lexicon ran out of distinct intents; add concepts or templates.");
    }
}
