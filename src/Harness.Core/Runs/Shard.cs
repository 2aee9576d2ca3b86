using System.Globalization;

namespace Harness.Runs;

/// <summary>
/// One share of a run's rows, <c>--shard i/n</c>: the rows whose position in the run (after the
/// config's filters and limit) is <c>i</c> modulo <c>n</c>. The same rows for the same dataset and
/// <c>n</c> on any machine, and shares that differ in size by at most one row.
/// </summary>
/// <param name="Index">Which share, from 0.</param>
/// <param name="Count">How many shares the run is split into.</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>The most shards a run may be split into.</summary>
    public const int MaxCount = 10_000;

    /// <summary>Whether the row at <paramref name="position"/> in the run belongs to this shard.</summary>
    public bool Owns(int position) => position % Count == Index;

    /// <summary>The rows of this shard, in run order.</summary>
    public IEnumerable<T> Select<T>(IEnumerable<T> rows) => rows.Where((_, i) => Owns(i));

    /// <summary>As <c>--shard</c> takes it: <c>i/n</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Reads <c>i/n</c> (0 &lt;= i &lt; n).</summary>
    /// <exception cref="InputException">Not of that form; the message names <paramref name="what"/>.</exception>
    public static Shard Parse(string text, string what)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= MaxCount && index < count)
            return new Shard(index, count);
        throw new InputException($"{what} {text}: expected i/n, the shard index i from 0 to n-1 of n shards (n from 1 to {MaxCount}), e.g. 0/4.");
    }
}
