using ElfVersionPatch;

namespace Harness.Plugins.TorchSharp.Tests.ElfPatch;

/// <summary>The patch tool on small ELF files built here: what it changes, what it leaves, what it refuses.</summary>
public class ElfVersionPatchTests : WorkFolder
{
    [Test]
    public void The_marker_version_need_becomes_weak_and_nothing_else_changes()
    {
        var (library, system) = Files(TinyElf.Library(), TinyElf.SystemLibrary("GLIBCXX_3.4", "GLIBCXX_3.4.30"));
        var before = File.ReadAllBytes(library);

        var message = Patcher.Run(library, "GLIBCXX_3.4.32", system);

        var after = File.ReadAllBytes(library);
        var elf = ElfFile.Parse(after);
        var need = VersionTables.Needs(elf).Single(n => n.Name == "GLIBCXX_3.4.32");
        var versym = elf.Single(ElfFile.VerSym, ".gnu.version")!;
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(message, Does.Contain("marked weak").And.Contain("lacks it"));
            Assert.That(need.IsWeak, Is.True);
            Assert.That(VersionTables.Needs(elf).Single(n => n.Name == "GLIBCXX_3.4").IsWeak, Is.False, "the other need stays strong");
            Assert.That(elf.U16(versym.Offset + 2 * 2), Is.EqualTo(1), "the marker is unversioned (VER_NDX_GLOBAL)");
            Assert.That(elf.U16(versym.Offset + 1 * 2), Is.EqualTo(2), "the used symbol keeps its version");
            Assert.That(after, Has.Length.EqualTo(before.Length));
            Assert.That(changed, Is.EquivalentTo(new[] { (int)need.FlagsOffset, (int)versym.Offset + 4 }), "one byte of vna_flags and one of .gnu.version");
        });
    }

    [Test]
    public void A_second_run_changes_nothing()
    {
        var (library, system) = Files(TinyElf.Library(), TinyElf.SystemLibrary("GLIBCXX_3.4"));
        Patcher.Run(library, "GLIBCXX_3.4.32", system);
        var once = File.ReadAllBytes(library);
        var written = File.GetLastWriteTimeUtc(library);

        var message = Patcher.Run(library, "GLIBCXX_3.4.32", system);

        Assert.That(message, Does.Contain("already weak; left unchanged"));
        Assert.That(File.ReadAllBytes(library), Is.EqualTo(once));
        Assert.That(File.GetLastWriteTimeUtc(library), Is.EqualTo(written), "the file is not rewritten");
    }

    [Test]
    public void On_a_system_whose_library_has_the_version_the_file_is_left_alone()
    {
        var (library, system) = Files(TinyElf.Library(), TinyElf.SystemLibrary("GLIBCXX_3.4", "GLIBCXX_3.4.32"));
        var before = File.ReadAllBytes(library);

        Assert.That(Patcher.Run(library, "GLIBCXX_3.4.32", system), Does.Contain($"{system} has GLIBCXX_3.4.32; left unchanged"));
        Assert.That(File.ReadAllBytes(library), Is.EqualTo(before));
    }

    [Test]
    public void A_library_that_does_not_need_the_version_is_left_alone()
    {
        var (library, system) = Files(TinyElf.Library(version: "GLIBCXX_3.4.29"), TinyElf.SystemLibrary("GLIBCXX_3.4"));
        Assert.That(Patcher.Run(library, "GLIBCXX_3.4.32", system), Does.Contain("does not need GLIBCXX_3.4.32; left unchanged"));
    }

    [Test]
    public void A_version_that_a_relocation_uses_is_refused()
    {
        var (library, system) = Files(TinyElf.Library(relocateSymbol: true), TinyElf.SystemLibrary("GLIBCXX_3.4"));
        Assert.That(Refused(library, system), Does.Contain($"a relocation uses symbol {TinyElf.Marker}"));
    }

    [Test]
    public void A_version_bound_to_a_symbol_that_is_not_a_marker_is_refused()
    {
        var (library, system) = Files(TinyElf.Library(symbol: "_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE7reserveEv"), TinyElf.SystemLibrary("GLIBCXX_3.4"));
        Assert.That(Refused(library, system), Does.Contain("is not a known marker symbol"));
    }

    [Test]
    public void A_file_that_is_not_ELF_is_refused()
    {
        var (text, system) = Files("libLibTorchSharp.so is a text file here"u8.ToArray(), TinyElf.SystemLibrary("GLIBCXX_3.4"));
        Assert.That(Refused(text, system), Is.EqualTo("not an ELF file"));
    }

    [Test]
    public void A_32_bit_ELF_file_is_refused()
    {
        var bytes = TinyElf.Library();
        bytes[4] = 1; // ELFCLASS32
        var (library, system) = Files(bytes, TinyElf.SystemLibrary("GLIBCXX_3.4"));
        Assert.That(Refused(library, system), Does.Contain("not a 64-bit little-endian ELF file"));
    }

    [Test]
    public void A_version_table_that_runs_off_its_section_is_refused()
    {
        var bytes = TinyElf.Library();
        var need = VersionTables.Needs(ElfFile.Parse(TinyElf.Library())).Single(n => n.Name == "GLIBCXX_3.4");
        BitConverter.GetBytes(4000u).CopyTo(bytes, need.FlagsOffset + 8); // vna_next of the first need points far away
        var (library, system) = Files(bytes, TinyElf.SystemLibrary("GLIBCXX_3.4"));
        Assert.That(Refused(library, system), Does.Contain("lies outside"));
    }

    private (string Library, string System) Files(byte[] library, byte[] system)
    {
        var libraryPath = Path.Combine(Work, "libLibTorchSharp.so");
        var systemPath = Path.Combine(Work, "libstdc++.so.6");
        File.WriteAllBytes(libraryPath, library);
        File.WriteAllBytes(systemPath, system);
        return (libraryPath, systemPath);
    }

    /// <summary>The refusal's reason; the file must be byte for byte as it was.</summary>
    private static string Refused(string library, string system)
    {
        var before = File.ReadAllBytes(library);
        var e = Assert.Throws<ElfFormatException>(() => Patcher.Run(library, "GLIBCXX_3.4.32", system));
        Assert.That(File.ReadAllBytes(library), Is.EqualTo(before), "a refused file is left unchanged");
        return e!.Message;
    }
}
