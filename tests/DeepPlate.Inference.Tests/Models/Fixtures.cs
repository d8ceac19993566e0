using System.Text;
using DeepPlate.Formats;

namespace DeepPlate.Inference.Tests.Models;

/// <summary>The tiny real models of Fixtures/ (see its README), and ways to spoil copies of them.</summary>
internal static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static readonly Lazy<ModelCatalog> Shared = new(() => ModelCatalog.Load(Directory, FormatRegistry.Default, threads: 1));

    /// <summary>Both fixtures, loaded once for the whole test run (as the web app loads its models once).</summary>
    public static ModelCatalog Catalog => Shared.Value;

    /// <summary>A fresh empty folder under the temp directory.</summary>
    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "deepplate-reader-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Rewrites the metadata entries (ModelProto field 14, StringStringEntryProto key = 1, value = 2) of an ONNX
    /// file: <paramref name="edit"/> gets each key and value and returns the new value, or null to drop the entry.
    /// Every other byte is kept; only the top level of the protobuf is parsed.
    /// </summary>
    public static byte[] EditMetadata(byte[] model, Func<string, string, string?> edit)
    {
        var output = new MemoryStream();
        var i = 0;
        while (i < model.Length)
        {
            var start = i;
            var tag = ReadVarint(model, ref i);
            var wire = (int)(tag & 7);
            var field = (int)(tag >> 3);
            switch (wire)
            {
                case 0:
                    ReadVarint(model, ref i);
                    break;
                case 1:
                    i += 8;
                    break;
                case 5:
                    i += 4;
                    break;
                case 2:
                    var length = (int)ReadVarint(model, ref i);
                    if (field == 14)
                    {
                        var (key, value) = ReadEntry(model.AsSpan(i, length));
                        i += length;
                        var replaced = edit(key, value);
                        if (replaced is not null) WriteEntry(output, key, replaced);
                        continue;
                    }
                    i += length;
                    break;
                default:
                    throw new InvalidDataException($"wire type {wire} at {start}");
            }
            output.Write(model, start, i - start);
        }
        return output.ToArray();
    }

    private static (string Key, string Value) ReadEntry(ReadOnlySpan<byte> entry)
    {
        string key = "", value = "";
        var bytes = entry.ToArray();
        var i = 0;
        while (i < bytes.Length)
        {
            var tag = ReadVarint(bytes, ref i);
            var length = (int)ReadVarint(bytes, ref i);
            var text = Encoding.UTF8.GetString(bytes, i, length);
            i += length;
            if (tag >> 3 == 1) key = text;
            else value = text;
        }
        return (key, value);
    }

    private static void WriteEntry(Stream output, string key, string value)
    {
        var entry = new MemoryStream();
        WriteString(entry, 1, key);
        WriteString(entry, 2, value);
        WriteVarint(output, (14 << 3) | 2);
        WriteVarint(output, (ulong)entry.Length);
        entry.WriteTo(output);
    }

    private static void WriteString(Stream output, int field, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        WriteVarint(output, (ulong)((field << 3) | 2));
        WriteVarint(output, (ulong)bytes.Length);
        output.Write(bytes);
    }

    private static ulong ReadVarint(byte[] bytes, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }

    private static void WriteVarint(Stream output, ulong value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        output.WriteByte((byte)value);
    }
}
