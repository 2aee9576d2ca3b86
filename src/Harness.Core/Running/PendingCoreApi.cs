// TEMPORARY: stand-in for the core helper's MarkdownReportWriter until it lands on main.
// Deleted at that merge; it writes nothing.
namespace Harness.Reports;

public sealed class MarkdownReportWriter : IReportWriter
{
    public string Name => "markdown";

    public Task<IReadOnlyList<string>> WriteAsync(RunReport report, string directory, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
