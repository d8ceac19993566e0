using System.Buffers.Binary;
using System.Text;

namespace DeepPlate.Training;

/// <summary>
/// TorchSharp 0.107's libLibTorchSharp.so was linked with GCC 13 and asks for GLIBCXX_3.4.32, which Debian 12's
/// libstdc++ (up to 3.4.30) lacks, so the first torch call fails to load it. Its only 3.4.32 symbol is a marker that
/// is never called, so marking that version requirement weak in the ELF version-needs section lets glibc load the
/// library (see ../shared/research/platform-notes.md §3.1). The patch is idempotent and writes through a uniquely
/// named temporary file, because parallel test processes may patch the same file.
/// </summary>
public static class LibTorchSharpPatch
{
    private const string Library = "libLibTorchSharp.so";
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;
    private const int NewestGlibcxxMinor = 30;

    /// <summary>Patches the library next to the application (RID build) or under runtimes/ (RID-less build).</summary>
    public static void ApplyToApplication()
    {
        foreach (var path in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, Library),
                     Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", Library),
                 })
        {
            if (File.Exists(path)) Apply(path);
        }
    }

    /// <summary>Marks every GLIBCXX_3.4.N requirement with N above 30 weak; returns how many entries it changed.</summary>
    public static int Apply(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var offsets = NewerGlibcxxFlags(bytes);
        var changed = 0;
        foreach (var offset in offsets)
        {
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset));
            if ((flags & VerFlagWeak) != 0) continue;
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), (ushort)(flags | VerFlagWeak));
            changed++;
        }
        if (changed == 0) return 0;

        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return changed;
    }

    /// <summary>File offsets of the vna_flags fields of the GLIBCXX requirements newer than the system's.</summary>
    public static List<int> NewerGlibcxxFlags(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a little-endian 64-bit ELF file");

        var sectionTable = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]));
        int entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3a..]);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3c..]);
        var found = new List<int>();
        for (var s = 0; s < count; s++)
        {
            var header = elf[(sectionTable + s * entrySize)..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != ShtGnuVerneed) continue;
            var start = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]));
            var link = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]);
            var strings = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf[(sectionTable + link * entrySize + 0x18)..]));

            // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
            // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
            var need = start;
            while (true)
            {
                int auxCount = BinaryPrimitives.ReadUInt16LittleEndian(elf[(need + 2)..]);
                var aux = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(need + 8)..]);
                for (var a = 0; a < auxCount; a++)
                {
                    var name = CString(elf, strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(aux + 8)..]));
                    if (IsNewerGlibcxx(name)) found.Add(aux + 4);
                    aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(aux + 12)..]);
                }
                var next = (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(need + 12)..]);
                if (next == 0) break;
                need += next;
            }
        }
        return found;
    }

    private static bool IsNewerGlibcxx(string name) =>
        name.StartsWith("GLIBCXX_3.4.", StringComparison.Ordinal)
        && int.TryParse(name.AsSpan("GLIBCXX_3.4.".Length), out var minor) && minor > NewestGlibcxxMinor;

    private static string CString(ReadOnlySpan<byte> bytes, int offset)
    {
        var end = bytes[offset..].IndexOf((byte)0);
        return Encoding.ASCII.GetString(bytes.Slice(offset, end));
    }
}
