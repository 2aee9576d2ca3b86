using System.Collections.Immutable;

namespace Harness.Metrics;

/// <summary>A mistakes file: how many mistakes it lists, and the distinct rows they fall on.</summary>
/// <param name="Path">Where it was read from, for messages.</param>
/// <param name="Mistakes">Its lines: one per row and tool.</param>
/// <param name="Rows">The distinct rows, in the order of their first line.</param>
public sealed record MistakesFile(string Path, int Mistakes, ImmutableArray<MistakenRow> Rows);
