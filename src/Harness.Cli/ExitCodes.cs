namespace Harness.Cli;

/// <summary>The harness's exit codes, the same for every command.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command ran but its verdict is negative (a gate rule failed).</summary>
    public const int Failed = 1;

    /// <summary>Bad input: a file, a row, a config field or a model the user must fix.</summary>
    public const int InputError = 2;

    /// <summary>Stopped by Ctrl+C; finished work was kept.</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM (how CI and schedulers cancel a job); finished work was kept.</summary>
    public const int Terminated = 143;

    /// <summary>A defect in the harness itself.</summary>
    public const int InternalError = 70;
}
