using System.Collections.Immutable;
using Harness.Backends;

namespace Harness.Plugins.MlNet.Training;

/// <summary>
/// Reads option <c>trainers</c>: <c>best</c> (each family's winner of the held-out comparison in
/// the plugin's README), <c>compare</c> (run that comparison now, then train the winners), one
/// trainer name for every family, or <c>family=trainer</c> pairs (comma-separated) over <c>best</c>.
/// </summary>
internal static class TrainerChoice
{
    /// <summary>Each family's winner on the held-out 10% of the train split (plugins/MlNet/README.md).</summary>
    public static ImmutableDictionary<TaskFamily, string> Best { get; } = new Dictionary<TaskFamily, string>
    {
        [TaskFamily.Used] = "sdca",
        [TaskFamily.FilterName] = "sdca",
        [TaskFamily.Intensity] = "sdca",
        [TaskFamily.Adjust] = "sdca",
        [TaskFamily.Selective] = "sdca",
    }.ToImmutableDictionary();

    public const string BestName = "best";
    public const string CompareName = "compare";

    /// <summary>The trainers per family, or null for <c>compare</c>.</summary>
    public static ImmutableDictionary<TaskFamily, string>? Parse(string text, string source)
    {
        text = text.Trim().ToLowerInvariant();
        if (text == CompareName) return null;
        if (text == BestName) return Best;
        if (!text.Contains('=', StringComparison.Ordinal))
            return Check(StudentTrainer.Everywhere(text), source);
        var choice = Best.ToBuilder();
        foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            var family = Enum.GetValues<TaskFamily>().Where(f => StudentTask.FamilyName(f) == parts[0]).Cast<TaskFamily?>().FirstOrDefault()
                ?? throw new BackendException($"{source}: option 'trainers': unknown family '{parts[0]}'; families are {string.Join(", ", Enum.GetValues<TaskFamily>().Select(StudentTask.FamilyName))}.");
            choice[family] = parts[1];
        }
        return Check(choice.ToImmutable(), source);
    }

    /// <summary>A stable text of the choice, for the cache key and the settings.</summary>
    public static string Key(IReadOnlyDictionary<TaskFamily, string> choice) =>
        string.Join(",", Enum.GetValues<TaskFamily>().Select(f => $"{StudentTask.FamilyName(f)}={choice[f]}"));

    private static ImmutableDictionary<TaskFamily, string> Check(ImmutableDictionary<TaskFamily, string> choice, string source)
    {
        foreach (var (family, trainer) in choice)
        {
            var kind = StudentTask.All.First(t => t.Family == family).Kind;
            if (!TrainerCatalog.Names(kind).Contains(trainer))
                throw new BackendException(
                    $"{source}: option 'trainers': '{trainer}' cannot train the {StudentTask.FamilyName(family)} models; use one of {string.Join(", ", TrainerCatalog.Names(kind))} " +
                    $"(or best, compare, or family=trainer pairs).");
        }
        return choice;
    }
}
