using System.Buffers.Binary;
using System.Text;

namespace Harness.Plugins.TorchSharp.Tests.ElfPatch;

/// <summary>
/// Builds small 64-bit little-endian ELF files with real GNU symbol-version tables, as a linker
/// lays them out: a library that needs versions of libstdc++.so.6, and a stand-in libstdc++ that
/// defines some. Only the section headers and the tables the patch tool reads are present.
/// </summary>
internal static class TinyElf
{
    public const string Marker = "_ZSt21ios_base_library_initv";
    public const string Used = "_ZNSt8ios_base4InitC1Ev";

    /// <summary>
    /// A library whose symbol <paramref name="symbol"/> needs <paramref name="version"/> and whose <see cref="Used"/>
    /// needs GLIBCXX_3.4 through a relocation; <paramref name="relocateSymbol"/> makes a relocation use the first too.
    /// </summary>
    public static byte[] Library(string version = "GLIBCXX_3.4.32", string symbol = Marker, bool relocateSymbol = false)
    {
        var strings = new StringTable();
        var file = strings.Add("libstdc++.so.6");
        var old = strings.Add("GLIBCXX_3.4");
        var wanted = strings.Add(version);
        byte[] dynsym = [.. new byte[24], .. Symbol(strings.Add(Used)), .. Symbol(strings.Add(symbol))];
        byte[] versym = [.. U16(0), .. U16(2), .. U16(3)];
        byte[] verneed = [.. U16(1), .. U16(2), .. U32(file), .. U32(16), .. U32(0),
            .. U32(0x0297f861), .. U16(0), .. U16(2), .. U32(old), .. U32(16),
            .. U32(0x08922b12), .. U16(0), .. U16(3), .. U32(wanted), .. U32(0)];
        byte[] rela = [.. Relocation(1), .. relocateSymbol ? Relocation(2) : []];
        return Build(
            (".dynstr", 3, 0, 0, strings.Bytes),
            (".dynsym", 11, 1, 24, dynsym),
            (".gnu.version", 0x6fffffff, 2, 2, versym),
            (".gnu.version_r", 0x6ffffffe, 1, 0, verneed),
            (".rela.dyn", 4, 2, 24, rela));
    }

    /// <summary>A libstdc++.so.6 stand-in whose <c>.gnu.version_d</c> defines <paramref name="versions"/>.</summary>
    public static byte[] SystemLibrary(params string[] versions)
    {
        var strings = new StringTable();
        var names = new[] { strings.Add("libstdc++.so.6") }.Concat(versions.Select(strings.Add)).ToArray();
        var verdef = new List<byte>();
        for (var i = 0; i < names.Length; i++)
        {
            verdef.AddRange([.. U16(1), .. U16((ushort)(i == 0 ? 1 : 0)), .. U16((ushort)(i + 1)), .. U16(1), .. U32(0), .. U32(20),
                .. U32(i == names.Length - 1 ? 0u : 28u), .. U32(names[i]), .. U32(0)]);
        }
        return Build(
            (".dynstr", 3, 0, 0, strings.Bytes),
            (".dynsym", 11, 1, 24, new byte[24]),
            (".gnu.version", 0x6fffffff, 2, 2, U16(1)),
            (".gnu.version_d", 0x6ffffffd, 1, 0, [.. verdef]));
    }

    private static byte[] Build(params (string Name, uint Type, uint Link, long EntrySize, byte[] Data)[] sections)
    {
        var names = new StringTable();
        var nameOffsets = sections.Select(s => names.Add(s.Name)).Append(names.Add(".shstrtab")).ToArray();
        var all = sections.Append((Name: ".shstrtab", Type: 3u, Link: 0u, EntrySize: 0L, Data: names.Bytes)).ToArray();
        var body = new List<byte>(new byte[64]);
        var offsets = new long[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            while (body.Count % 8 != 0) body.Add(0);
            offsets[i] = body.Count;
            body.AddRange(all[i].Data);
        }
        while (body.Count % 8 != 0) body.Add(0);
        var shoff = body.Count;
        body.AddRange(new byte[64]); // the null section
        for (var i = 0; i < all.Length; i++)
        {
            body.AddRange([.. U32(nameOffsets[i]), .. U32(all[i].Type), .. U64(2), .. U64(0), .. U64((ulong)offsets[i]),
                .. U64((ulong)all[i].Data.Length), .. U32(all[i].Link), .. U32(0), .. U64(8), .. U64((ulong)all[i].EntrySize)]);
        }
        var bytes = body.ToArray();
        byte[] ident = [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1];
        ident.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(16), 3);   // ET_DYN
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(18), 62);  // EM_X86_64
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(40), shoff);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(52), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(58), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(60), (ushort)(all.Length + 1));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(62), (ushort)all.Length);
        return bytes;
    }

    private static byte[] Symbol(uint name) => [.. U32(name), 0x12, 0, .. U16(0), .. U64(0), .. U64(0)]; // global function, undefined

    private static byte[] Relocation(ulong symbol) => [.. U64(0x4000), .. U64((symbol << 32) | 7), .. U64(0)]; // R_X86_64_JUMP_SLOT

    private static byte[] U16(ushort v) => BitConverter.GetBytes(v);

    private static byte[] U32(uint v) => BitConverter.GetBytes(v);

    private static byte[] U64(ulong v) => BitConverter.GetBytes(v);

    private sealed class StringTable
    {
        private readonly List<byte> _bytes = [0];

        public byte[] Bytes => [.. _bytes];

        public uint Add(string s)
        {
            var offset = (uint)_bytes.Count;
            _bytes.AddRange(Encoding.ASCII.GetBytes(s));
            _bytes.Add(0);
            return offset;
        }
    }
}
