namespace ElfVersionPatch;

/// <summary>The command: decides whether the file needs the patch on this system, applies it, and says what it did.</summary>
internal static class Patcher
{
    /// <summary>
    /// Weakens <paramref name="version"/> in <paramref name="path"/> unless the system's copy of the
    /// library that defines it (<paramref name="systemLibrary"/>, else found in the standard folders)
    /// already has it. The file is replaced whole (a new file renamed over it), so a hard link to a
    /// package cache is never written through.
    /// </summary>
    public static string Run(string path, string version, string? systemLibrary)
    {
        var elf = ElfFile.Parse(File.ReadAllBytes(path));
        var need = VersionTables.Needs(elf).FirstOrDefault(n => n.Name == version);
        if (need is null) return $"{path}: does not need {version}; left unchanged.";
        var system = systemLibrary ?? SystemLibrary.Find(need.File);
        if (system is not null && SystemLibrary.Defines(system, version))
            return $"{path}: {system} has {version}; left unchanged.";
        var outcome = VersionPatcher.Weaken(elf, version);
        if (outcome != PatchOutcome.Patched) return $"{path}: {version} is already weak; left unchanged.";
        var temporary = path + ".patching";
        File.WriteAllBytes(temporary, elf.Bytes);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
        File.Move(temporary, path, overwrite: true);
        var lacking = system is null ? $"no {need.File} was found" : $"{system} lacks it";
        return $"{path}: {version} (needed from {need.File}) marked weak and its marker symbol unversioned, since {lacking}.";
    }
}
