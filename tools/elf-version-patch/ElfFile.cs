using System.Buffers.Binary;
using System.Text;

namespace ElfVersionPatch;

/// <summary>One section header of a 64-bit little-endian ELF file.</summary>
internal sealed record ElfSection(int Index, uint Type, long Offset, long Size, uint Link, long EntrySize);

/// <summary>
/// The parts of a 64-bit little-endian ELF file that symbol versioning uses, read from its
/// bytes with every offset checked: a file of any other layout is refused with an
/// <see cref="ElfFormatException"/>, never guessed at.
/// </summary>
internal sealed class ElfFile
{
    public const uint Rela = 4, Rel = 9, DynSym = 11, VerDef = 0x6ffffffd, VerNeed = 0x6ffffffe, VerSym = 0x6fffffff;

    private ElfFile(byte[] bytes, IReadOnlyList<ElfSection> sections)
    {
        Bytes = bytes;
        Sections = sections;
    }

    public byte[] Bytes { get; }

    public IReadOnlyList<ElfSection> Sections { get; }

    public static ElfFile Parse(byte[] bytes)
    {
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F')
            throw new ElfFormatException("not an ELF file");
        if (bytes[4] != 2 || bytes[5] != 1)
            throw new ElfFormatException("not a 64-bit little-endian ELF file (the only kind this tool edits)");
        var span = bytes.AsSpan();
        var shoff = BinaryPrimitives.ReadInt64LittleEndian(span[40..]);
        var shentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[58..]);
        var shnum = BinaryPrimitives.ReadUInt16LittleEndian(span[60..]);
        if (shentsize != 64 || shnum == 0 || shoff <= 0 || shoff + (long)shnum * 64 > bytes.Length)
            throw new ElfFormatException("its section header table is missing or lies outside the file");
        var sections = new ElfSection[shnum];
        for (var i = 0; i < shnum; i++)
        {
            var h = span.Slice((int)(shoff + i * 64), 64);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(h[4..]);
            var offset = BinaryPrimitives.ReadInt64LittleEndian(h[24..]);
            var size = BinaryPrimitives.ReadInt64LittleEndian(h[32..]);
            const uint noBits = 8;
            if (type != noBits && type != 0 && (offset < 0 || size < 0 || offset + size > bytes.Length))
                throw new ElfFormatException($"section {i} lies outside the file");
            sections[i] = new ElfSection(i, type, offset, size, BinaryPrimitives.ReadUInt32LittleEndian(h[40..]),
                BinaryPrimitives.ReadInt64LittleEndian(h[56..]));
        }
        return new ElfFile(bytes, sections);
    }

    /// <summary>The one section of <paramref name="type"/>, or null; two of them is a layout this tool does not know.</summary>
    public ElfSection? Single(uint type, string name)
    {
        var found = Sections.Where(s => s.Type == type).ToList();
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw new ElfFormatException($"it has {found.Count} {name} sections"),
        };
    }

    /// <summary>The section a table's sh_link names (its string table or symbol table).</summary>
    public ElfSection Linked(ElfSection section)
    {
        if (section.Link == 0 || section.Link >= Sections.Count)
            throw new ElfFormatException($"section {section.Index} links to no valid section");
        return Sections[(int)section.Link];
    }

    /// <summary>The NUL-terminated string at <paramref name="offset"/> of string table <paramref name="table"/>.</summary>
    public string String(ElfSection table, uint offset)
    {
        if (offset >= table.Size) throw new ElfFormatException($"a name lies outside string table {table.Index}");
        var start = (int)(table.Offset + offset);
        var end = Array.IndexOf(Bytes, (byte)0, start, (int)(table.Size - offset));
        if (end < 0) throw new ElfFormatException($"a name in string table {table.Index} is not terminated");
        return Encoding.ASCII.GetString(Bytes, start, end - start);
    }

    public ushort U16(long at) => BinaryPrimitives.ReadUInt16LittleEndian(Checked(at, 2));

    public uint U32(long at) => BinaryPrimitives.ReadUInt32LittleEndian(Checked(at, 4));

    public ulong U64(long at) => BinaryPrimitives.ReadUInt64LittleEndian(Checked(at, 8));

    public void WriteU16(long at, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Checked(at, 2), value);

    private Span<byte> Checked(long at, int length) =>
        at >= 0 && at + length <= Bytes.Length ? Bytes.AsSpan((int)at, length) : throw new ElfFormatException($"a table entry at byte {at} lies outside the file");
}
