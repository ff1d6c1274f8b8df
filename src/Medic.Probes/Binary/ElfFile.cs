using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Medic.Probes.Binary;

/// <summary>
/// What the dynamic loader reads from an ELF64 object before it runs anything: the program interpreter (PT_INTERP)
/// and the dynamic section's DT_NEEDED, DT_RUNPATH, DT_RPATH and DT_SONAME. Read with positioned reads from a
/// read-only handle, every offset checked against the file size; nothing is executed or mapped.
/// </summary>
public sealed record ElfFile(
    string Path,
    int Class,
    bool BigEndian,
    int Machine,
    string Type,
    string? Interpreter,
    IReadOnlyList<string> Needed,
    IReadOnlyList<string> RunPath,
    IReadOnlyList<string> RPath,
    string? SoName,
    bool HasDynamicSection)
{
    private const int ProgramHeaderSize = 56;
    private const int DynamicEntrySize = 16;
    private const int MaxProgramHeaders = 4096;
    private const int MaxDynamicEntries = 65536;

    /// <summary>x86-64's e_machine.</summary>
    public const int MachineX86_64 = 62;

    /// <summary>AArch64's e_machine.</summary>
    public const int MachineAArch64 = 183;

    /// <summary>Whether the first bytes of <paramref name="path"/> are the ELF magic (false when unreadable or shorter).</summary>
    public static bool LooksLikeElf(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> magic = stackalloc byte[4];
            return RandomAccess.Read(handle, magic, 0) == 4 && magic.SequenceEqual("\u007fELF"u8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Reads the headers of <paramref name="path"/>; throws <see cref="ElfFormatException"/> for anything malformed.</summary>
    public static ElfFile Read(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new Reader(handle, RandomAccess.GetLength(handle)).Read(path);
    }

    private sealed class Reader(SafeFileHandle handle, long length)
    {
        private bool _big;

        public ElfFile Read(string path)
        {
            var ident = Bytes(0, 64, "the ELF header");
            if (!ident.AsSpan(0, 4).SequenceEqual("\u007fELF"u8))
            {
                throw new ElfFormatException("not an ELF file (no \\x7fELF magic)");
            }

            if (ident[4] != 2)
            {
                throw new ElfFormatException(ident[4] == 1 ? "a 32-bit ELF file (only ELF64 is read)" : $"unknown ELF class {ident[4]}");
            }

            _big = ident[5] switch
            {
                1 => false,
                2 => true,
                _ => throw new ElfFormatException($"unknown ELF data encoding {ident[5]}"),
            };
            var type = U16(ident, 16);
            var machine = U16(ident, 18);
            var phoff = U64(ident, 32);
            var phentsize = U16(ident, 54);
            var phnum = U16(ident, 56);
            if (phnum > 0 && phentsize < ProgramHeaderSize)
            {
                throw new ElfFormatException($"program header entries of {phentsize} bytes (ELF64 needs {ProgramHeaderSize})");
            }

            if (phnum > MaxProgramHeaders)
            {
                throw new ElfFormatException($"{phnum} program headers");
            }

            var headers = new List<(uint Type, ulong Offset, ulong VAddr, ulong FileSize)>();
            for (var i = 0; i < phnum; i++)
            {
                var at = Checked(phoff, (ulong)i * phentsize, "the program header table");
                var ph = Bytes(at, ProgramHeaderSize, $"program header {i}");
                headers.Add((U32(ph, 0), U64(ph, 8), U64(ph, 16), U64(ph, 32)));
            }

            string? interpreter = null;
            var interp = headers.FirstOrDefault(h => h.Type == 3);
            if (interp.Type == 3)
            {
                var bytes = Bytes(interp.Offset, Math.Min(interp.FileSize, 4096), "PT_INTERP");
                interpreter = CString(bytes, 0, "PT_INTERP");
            }

            var typeName = type == 3 && interpreter is not null ? "pie-executable" : TypeName(type);
            var dynamic = headers.FirstOrDefault(h => h.Type == 2);
            if (dynamic.Type != 2)
            {
                return new ElfFile(path, 64, _big, machine, typeName, interpreter, [], [], [], null, false);
            }

            var entries = ReadDynamic(dynamic.Offset, dynamic.FileSize);
            var strtabAddr = entries.Where(e => e.Tag == 5).Select(e => (ulong?)e.Value).FirstOrDefault()
                ?? throw new ElfFormatException("the dynamic section has no DT_STRTAB");
            var strsz = entries.Where(e => e.Tag == 10).Select(e => (ulong?)e.Value).FirstOrDefault()
                ?? throw new ElfFormatException("the dynamic section has no DT_STRSZ");
            var strtabOffset = ToOffset(headers, strtabAddr);
            var strtab = Bytes(strtabOffset, Math.Min(strsz, 16 * 1024 * 1024), "the dynamic string table");
            string Str(ulong index, string what) => index >= (ulong)strtab.Length
                ? throw new ElfFormatException($"{what} points at string {index}, past the {strtab.Length}-byte string table")
                : CString(strtab, (int)index, what);

            var needed = entries.Where(e => e.Tag == 1).Select(e => Str(e.Value, "DT_NEEDED")).ToList();
            var runpath = entries.Where(e => e.Tag == 29).SelectMany(e => SplitPath(Str(e.Value, "DT_RUNPATH"))).ToList();
            var rpath = entries.Where(e => e.Tag == 15).SelectMany(e => SplitPath(Str(e.Value, "DT_RPATH"))).ToList();
            var soname = entries.Where(e => e.Tag == 14).Select(e => Str(e.Value, "DT_SONAME")).FirstOrDefault();
            return new ElfFile(path, 64, _big, machine, typeName, interpreter, needed, runpath, rpath, soname, true);
        }

        private List<(long Tag, ulong Value)> ReadDynamic(ulong offset, ulong size)
        {
            var count = Math.Min(size / DynamicEntrySize, MaxDynamicEntries);
            var bytes = Bytes(offset, count * DynamicEntrySize, "the dynamic section");
            var entries = new List<(long, ulong)>();
            for (var i = 0; i < (int)count; i++)
            {
                var tag = (long)U64(bytes, i * DynamicEntrySize);
                if (tag == 0)
                {
                    break;
                }

                entries.Add((tag, U64(bytes, (i * DynamicEntrySize) + 8)));
            }

            return entries;
        }

        /// <summary>A virtual address inside a PT_LOAD segment's file image, as a file offset.</summary>
        private static ulong ToOffset(List<(uint Type, ulong Offset, ulong VAddr, ulong FileSize)> headers, ulong address)
        {
            foreach (var h in headers.Where(h => h.Type == 1))
            {
                if (address >= h.VAddr && address - h.VAddr < h.FileSize)
                {
                    return h.Offset + (address - h.VAddr);
                }
            }

            throw new ElfFormatException($"address 0x{address:x} (DT_STRTAB) lies in no loadable segment");
        }

        private byte[] Bytes(ulong offset, ulong count, string what)
        {
            if (offset > (ulong)length || count > (ulong)length - offset)
            {
                throw new ElfFormatException($"{what} ({count} bytes at offset {offset}) runs past the end of the {length}-byte file (truncated?)");
            }

            var buffer = new byte[count];
            var done = 0;
            while (done < buffer.Length)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(done), (long)offset + done);
                if (read == 0)
                {
                    throw new ElfFormatException($"{what} ends early: the file shrank while being read");
                }

                done += read;
            }

            return buffer;
        }

        private static ulong Checked(ulong a, ulong b, string what) =>
            a > ulong.MaxValue - b ? throw new ElfFormatException($"{what} offset overflows") : a + b;

        private ushort U16(byte[] b, int at) => _big ? BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at));

        private uint U32(byte[] b, int at) => _big ? BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));

        private ulong U64(byte[] b, int at) => _big ? BinaryPrimitives.ReadUInt64BigEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(at));
    }

    private static string CString(byte[] bytes, int start, string what)
    {
        var end = Array.IndexOf(bytes, (byte)0, start);
        if (end < 0)
        {
            throw new ElfFormatException($"{what} has no terminating NUL");
        }

        return Encoding.UTF8.GetString(bytes, start, end - start);
    }

    private static IEnumerable<string> SplitPath(string value) => value.Split(':').Where(p => p.Length > 0);

    private static string TypeName(ushort type) => type switch
    {
        1 => "relocatable",
        2 => "executable",
        3 => "shared-object",
        4 => "core",
        _ => $"type {type}",
    };
}
