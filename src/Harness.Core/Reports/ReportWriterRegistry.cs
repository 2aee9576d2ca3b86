using System.Collections.Immutable;

namespace Harness.Reports;

/// <summary>
/// The built-in report writers by name (case-insensitive): <c>markdown</c>
/// (report.md), <c>html</c> (index.html), <c>json</c> (metrics.json per result and
/// summary.json) and <c>junit</c> (run.junit.xml).
/// </summary>
public sealed class ReportWriterRegistry
{
    private readonly ImmutableSortedDictionary<string, IReportWriter> _writers;

    public ReportWriterRegistry(IEnumerable<IReportWriter> writers) =>
        _writers = writers.ToImmutableSortedDictionary(w => w.Name, w => w, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every built-in writer.</summary>
    public static ReportWriterRegistry Default { get; } = new(
    [
        new HtmlReportWriter(),
        new JsonReportWriter(),
        new MarkdownReportWriter(),
        new JUnitReportWriter(),
    ]);

    /// <summary>The names writers are registered under, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _writers.Keys];

    /// <summary>The writer registered under <paramref name="name"/>; an unknown name is an input error listing the valid ones.</summary>
    public IReportWriter Get(string name) =>
        _writers.TryGetValue(name.Trim(), out var writer)
            ? writer
            : throw new InputException($"unknown report writer '{name}'; valid names: {string.Join(", ", Names)}.");

    /// <summary>One writer that runs the named writers in order, logging failures to <paramref name="log"/>.</summary>
    public CompositeReportWriter Create(IEnumerable<string> names, TextWriter log) =>
        new([.. names.Select(Get)], log);
}
