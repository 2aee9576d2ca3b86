namespace Harness.Metrics;

/// <summary>A dataset row the student got wrong, as a mistakes file names it.</summary>
/// <param name="Id">The dataset row id.</param>
/// <param name="Intent">The row's intent as the mistakes file gives it.</param>
/// <param name="Line">The first line of the file that names the row.</param>
public sealed record MistakenRow(string Id, string Intent, int Line);
