namespace ElfVersionPatch;

/// <summary>What <see cref="VersionPatcher.Weaken"/> did.</summary>
internal enum PatchOutcome
{
    /// <summary>The file does not need the version: nothing to do.</summary>
    NotNeeded,

    /// <summary>The need was already weak and its markers unversioned (an earlier run): nothing to do.</summary>
    AlreadyPatched,

    /// <summary>The need is now weak and its markers unversioned.</summary>
    Patched,
}

/// <summary>
/// Marks one version need weak (<c>vna_flags |= VER_FLG_WEAK</c>) and makes the symbols bound to it
/// unversioned, so the dynamic loader accepts a system library that lacks the version. Only safe
/// when nothing uses those symbols, so it refuses unless every one is an undefined symbol of
/// <see cref="Markers"/> that no relocation refers to. Touches nothing else.
/// </summary>
internal static class VersionPatcher
{
    /// <summary>
    /// Symbols that exist only to pin a minimum library version. GCC 13's &lt;iostream&gt; emits a
    /// reference to std::ios_base_library_init() (GLIBCXX_3.4.32), an empty function, for that alone.
    /// </summary>
    public static IReadOnlySet<string> Markers { get; } = new HashSet<string>(StringComparer.Ordinal) { "_ZSt21ios_base_library_initv" };

    /// <summary>Edits <paramref name="elf"/>'s bytes in place; throws <see cref="ElfFormatException"/> (bytes untouched) when it may not.</summary>
    public static PatchOutcome Weaken(ElfFile elf, string version)
    {
        var need = VersionTables.Needs(elf).Where(n => n.Name == version).ToList();
        if (need.Count == 0) return PatchOutcome.NotNeeded;
        if (need.Count > 1) throw new ElfFormatException($"it names {version} {need.Count} times in .gnu.version_r");
        var symbols = SymbolsOf(elf, need[0].Index);
        if (need[0].IsWeak && symbols.Count == 0) return PatchOutcome.AlreadyPatched;
        var versym = elf.Single(ElfFile.VerSym, ".gnu.version")!;
        elf.WriteU16(need[0].FlagsOffset, (ushort)(need[0].Flags | VersionNeed.Weak));
        const ushort global = 1; // VER_NDX_GLOBAL: unversioned
        foreach (var index in symbols) elf.WriteU16(versym.Offset + index * 2L, global);
        return PatchOutcome.Patched;
    }

    /// <summary>Indices of the dynamic symbols bound to version <paramref name="index"/>, each checked to be an unused marker.</summary>
    private static List<int> SymbolsOf(ElfFile elf, ushort index)
    {
        var dynsym = elf.Single(ElfFile.DynSym, ".dynsym") ?? throw new ElfFormatException("it has no .dynsym section");
        var versym = elf.Single(ElfFile.VerSym, ".gnu.version") ?? throw new ElfFormatException("it has no .gnu.version section");
        if (dynsym.EntrySize != 24 || dynsym.Size % 24 != 0 || versym.Size != dynsym.Size / 24 * 2 || elf.Linked(versym) != dynsym)
            throw new ElfFormatException(".gnu.version does not match .dynsym entry for entry");
        var strings = elf.Linked(dynsym);
        var bound = new List<int>();
        for (var i = 0; i < dynsym.Size / 24; i++)
        {
            if ((elf.U16(versym.Offset + i * 2L) & 0x7fff) != index) continue;
            var symbol = dynsym.Offset + i * 24L;
            var name = elf.String(strings, elf.U32(symbol));
            if (elf.U16(symbol + 6) != 0)
                throw new ElfFormatException($"symbol {name} is defined here with that version; only needs are weakened");
            if (!Markers.Contains(name))
                throw new ElfFormatException($"symbol {name} needs that version and is not a known marker symbol; weakening it could break the library");
            bound.Add(i);
        }
        foreach (var relocations in elf.Sections.Where(s => (s.Type is ElfFile.Rela or ElfFile.Rel) && s.Link == dynsym.Index))
        {
            var size = relocations.Type == ElfFile.Rela ? 24 : 16;
            for (long at = relocations.Offset; at + size <= relocations.Offset + relocations.Size; at += size)
            {
                var symbol = (int)(elf.U64(at + 8) >> 32);
                if (bound.Contains(symbol))
                    throw new ElfFormatException($"a relocation uses symbol {elf.String(strings, elf.U32(dynsym.Offset + symbol * 24L))}, so the library really needs that version");
            }
        }
        return bound;
    }
}
