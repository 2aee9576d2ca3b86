namespace ElfVersionPatch;

/// <summary>One version a library needs from another (<c>Elf64_Vernaux</c> in <c>.gnu.version_r</c>).</summary>
/// <param name="File">The library it is needed from (<c>vn_file</c>).</param>
/// <param name="Name">The version name, e.g. GLIBCXX_3.4.32.</param>
/// <param name="Index">The index symbols carry in <c>.gnu.version</c> (<c>vna_other</c>).</param>
/// <param name="FlagsOffset">Where <c>vna_flags</c> lies in the file.</param>
/// <param name="Flags">Its value; bit 2 is VER_FLG_WEAK.</param>
internal sealed record VersionNeed(string File, string Name, ushort Index, long FlagsOffset, ushort Flags)
{
    public const ushort Weak = 0x2;

    public bool IsWeak => (Flags & Weak) != 0;
}

/// <summary>Walks the GNU symbol-version tables, bounded: a chain that loops or leaves its section is refused.</summary>
internal static class VersionTables
{
    private const int MaxEntries = 1 << 16;

    /// <summary>Every version <c>.gnu.version_r</c> names; empty when the file has none.</summary>
    public static IReadOnlyList<VersionNeed> Needs(ElfFile elf)
    {
        var section = elf.Single(ElfFile.VerNeed, ".gnu.version_r");
        if (section is null) return [];
        var strings = elf.Linked(section);
        var needs = new List<VersionNeed>();
        long entry = section.Offset;
        for (var n = 0; n < MaxEntries; n++)
        {
            Inside(section, entry, 16);
            if (elf.U16(entry) != 1) throw new ElfFormatException($"a .gnu.version_r entry has version {elf.U16(entry)}, not 1");
            var file = elf.String(strings, elf.U32(entry + 4));
            var aux = entry + elf.U32(entry + 8);
            for (var a = 0; a < elf.U16(entry + 2); a++)
            {
                Inside(section, aux, 16);
                needs.Add(new VersionNeed(file, elf.String(strings, elf.U32(aux + 8)), elf.U16(aux + 6), aux + 4, elf.U16(aux + 4)));
                aux += elf.U32(aux + 12);
            }
            var next = elf.U32(entry + 12);
            if (next == 0) return needs;
            entry += next;
        }
        throw new ElfFormatException(".gnu.version_r does not end");
    }

    /// <summary>Every version name <c>.gnu.version_d</c> defines (what a library such as libstdc++ provides).</summary>
    public static IReadOnlySet<string> Definitions(ElfFile elf)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var section = elf.Single(ElfFile.VerDef, ".gnu.version_d");
        if (section is null) return names;
        var strings = elf.Linked(section);
        long entry = section.Offset;
        for (var n = 0; n < MaxEntries; n++)
        {
            Inside(section, entry, 20);
            if (elf.U16(entry + 6) > 0)
            {
                var aux = entry + elf.U32(entry + 12);
                Inside(section, aux, 8);
                names.Add(elf.String(strings, elf.U32(aux)));
            }
            var next = elf.U32(entry + 16);
            if (next == 0) return names;
            entry += next;
        }
        throw new ElfFormatException(".gnu.version_d does not end");
    }

    private static void Inside(ElfSection section, long at, int length)
    {
        if (at < section.Offset || at + length > section.Offset + section.Size)
            throw new ElfFormatException($"an entry of section {section.Index} lies outside it");
    }
}
