using Harness.Runs;

namespace Harness.Reports;

/// <summary>
/// Runs several report writers into one folder. One writer's failure is logged as an
/// <c>error:</c> line naming the report, and the others still run (a broken chart must not
/// cost the metrics files); the caller then fails the command from <see cref="Failures"/>.
/// Cancellation is never swallowed.
/// </summary>
public sealed class CompositeReportWriter : IReportWriter
{
    private readonly IReadOnlyList<IReportWriter> _writers;
    private readonly TextWriter _log;

    public CompositeReportWriter(IReadOnlyList<IReportWriter> writers, TextWriter log)
    {
        _writers = writers;
        _log = log;
    }

    public string Name => string.Join("+", _writers.Select(w => w.Name));

    /// <summary>One message per writer that failed during the last <see cref="WriteAsync"/>: <c>report 'NAME' could not be written to DIR (why)</c>.</summary>
    public IReadOnlyList<string> Failures { get; private set; } = [];

    public async Task<IReadOnlyList<string>> WriteAsync(RunReport report, string directory, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var failures = new List<string>();
        foreach (var writer in _writers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                files.AddRange(await writer.WriteAsync(report, directory, cancellationToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var line = $"report '{writer.Name}' could not be written to {directory} ({ex.Message.ReplaceLineEndings(" ").TrimEnd('.')})";
                failures.Add(line);
                await _log.WriteLineAsync($"error: {line}");
            }
        }

        Failures = failures;
        return files;
    }
}
