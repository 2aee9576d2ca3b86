using System.Diagnostics;
using System.Reflection;
using ElfVersionPatch;

namespace Harness.Plugins.TorchSharp.Tests.ElfPatch;

/// <summary>The patch tool on a copy of TorchSharp's real glue library, and as the command the build runs.</summary>
public class RealLibraryTests : WorkFolder
{
    /// <summary>libLibTorchSharp.so as the TorchSharp package ships it (in the package cache), never patched.</summary>
    public static string PackageGlue { get; } = typeof(RealLibraryTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "PackageGlueLibrary").Value!;

    [Test]
    public void TorchSharps_glue_changes_in_two_bytes_and_a_second_run_in_none()
    {
        Assert.That(File.Exists(PackageGlue), Is.True, $"{PackageGlue} is missing; restore the packages (dotnet restore tests/Harness.Plugins.TorchSharp.Tests)");
        var copy = Path.Combine(Work, "libLibTorchSharp.so");
        File.Copy(PackageGlue, copy);
        var system = Path.Combine(Work, "libstdc++.so.6");
        File.WriteAllBytes(system, TinyElf.SystemLibrary("GLIBCXX_3.4", "GLIBCXX_3.4.30"));

        Patcher.Run(copy, "GLIBCXX_3.4.32", system);
        var once = File.ReadAllBytes(copy);
        Patcher.Run(copy, "GLIBCXX_3.4.32", system);

        var original = File.ReadAllBytes(PackageGlue);
        var changed = Enumerable.Range(0, original.Length).Count(i => original[i] != once[i]);
        var needs = VersionTables.Needs(ElfFile.Parse(once));
        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.EqualTo(2));
            Assert.That(needs.Single(n => n.Name == "GLIBCXX_3.4.32").IsWeak, Is.True);
            Assert.That(needs.Where(n => n.Name != "GLIBCXX_3.4.32").Select(n => n.IsWeak), Has.All.False);
            Assert.That(File.ReadAllBytes(copy), Is.EqualTo(once), "the second run");
        });
    }

    [Test]
    public void The_glue_the_build_put_beside_the_plugin_is_patched_exactly_when_this_system_lacks_the_version()
    {
        var built = Path.Combine(Fixture.RepoRoot, "bin", "plugins", "TorchSharpT5", "libLibTorchSharp.so");
        Assert.That(File.Exists(built), Is.True, $"{built} is missing; build the solution (dotnet build Harness.sln)");
        var system = SystemLibrary.Find("libstdc++.so.6");
        var lacks = system is null || !SystemLibrary.Defines(system, "GLIBCXX_3.4.32");
        var need = VersionTables.Needs(ElfFile.Parse(File.ReadAllBytes(built))).Single(n => n.Name == "GLIBCXX_3.4.32");
        Assert.That(need.IsWeak, Is.EqualTo(lacks), $"system libstdc++: {system ?? "not found"}");
    }

    [Test]
    public void The_command_refuses_a_file_it_does_not_understand_with_exit_code_2_and_one_line()
    {
        var text = Path.Combine(Work, "notes.txt");
        File.WriteAllText(text, "not a library");
        var tool = Path.ChangeExtension(typeof(Patcher).Assembly.Location, ".dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { tool, text }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(2));
        Assert.That(error.Trim(), Is.EqualTo($"error: {text}: not an ELF file; left unchanged."));
        Assert.That(File.ReadAllText(text), Is.EqualTo("not a library"));
    }
}
