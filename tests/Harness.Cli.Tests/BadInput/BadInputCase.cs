namespace Harness.Cli.Tests.BadInput;

/// <summary>
/// One bad input: the edits it makes to the sandbox's valid files, the command line, and a
/// fragment the one <c>error:</c> line must contain, naming the file, line or field.
/// <see cref="BadInputSandbox.Token"/> in any of them stands for the sandbox folder.
/// </summary>
public sealed record BadInputCase(string Name, string[] Args, string Expected, params FileEdit[] Files)
{
    /// <summary>True when the case reads the finished run folder <c>run/</c> of the sandbox.</summary>
    public bool NeedsRun => Args.Any(a => a.Contains("{d}/run", StringComparison.Ordinal));

    public override string ToString() => Name;
}

/// <summary>
/// A change to one sandbox file: write <see cref="Text"/>, or replace <see cref="Old"/> by it in the
/// file, or (a null text) delete the file, or make it a link to <c>/dev/full</c>.
/// </summary>
public sealed record FileEdit(string Path, string? Text, string? Old = null, bool LinkToDevFull = false)
{
    public static FileEdit Write(string path, string text) => new(path, text);

    public static FileEdit Replace(string path, string old, string text) => new(path, text, old);

    public static FileEdit Delete(string path) => new(path, null);

    /// <summary>The file becomes a symbolic link to <c>/dev/full</c>, where every write fails with "no space left on device".</summary>
    public static FileEdit DiskFull(string path) => new(path, null, LinkToDevFull: true);
}
