using System.Runtime.InteropServices;

namespace ElfVersionPatch;

/// <summary>Finds a shared library the way a user's system provides it, to ask which versions it defines.</summary>
internal static class SystemLibrary
{
    /// <summary>The first <paramref name="fileName"/> (e.g. libstdc++.so.6) in the dynamic loader's standard folders, or null.</summary>
    public static string? Find(string fileName)
    {
        var triplet = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x86_64-linux-gnu",
            Architecture.Arm64 => "aarch64-linux-gnu",
            _ => "",
        };
        string[] folders = [$"/lib/{triplet}", $"/usr/lib/{triplet}", "/lib64", "/usr/lib64", "/lib", "/usr/lib"];
        return folders.Select(f => Path.Combine(f, fileName)).FirstOrDefault(File.Exists);
    }

    /// <summary>Whether the ELF library at <paramref name="path"/> defines <paramref name="version"/>.</summary>
    public static bool Defines(string path, string version) =>
        VersionTables.Definitions(ElfFile.Parse(File.ReadAllBytes(path))).Contains(version);
}
