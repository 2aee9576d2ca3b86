namespace Harness;

/// <summary>
/// Bad input the user can fix: a dataset row, a config field, a missing file.
/// The message names the place (<c>FILE:LINE: field: what is wrong</c>) and
/// says what to do; the CLI prints it without a stack trace and exits 2.
/// </summary>
public class InputException : Exception
{
    public InputException(string message) : base(message) { }

    public InputException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Several problems found at once, one per line.</summary>
    public InputException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Every problem found, when more than one was collected.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
