using System.Buffers.Binary;
using DeepPlate.Training;

namespace DeepPlate.Training.Tests.Platform;

public sealed class LibTorchSharpPatchTests
{
    private static string Library => Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");

    [Fact]
    public void ShippedLibraryAsksForANewerLibstdcxxThanDebian12Has()
    {
        // If a TorchSharp update drops the requirement, the patch (and this test) can go.
        Assert.NotEmpty(LibTorchSharpPatch.NewerGlibcxxFlags(File.ReadAllBytes(Library)));
    }

    [Fact]
    public void PatchedCopyHasOnlyWeakNewerRequirementsAndPatchingAgainChangesNothing()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"deepplate-patch-{Guid.NewGuid():N}.so");
        File.Copy(Library, copy);
        try
        {
            LibTorchSharpPatch.Apply(copy);
            var bytes = File.ReadAllBytes(copy);
            foreach (var offset in LibTorchSharpPatch.NewerGlibcxxFlags(bytes))
                Assert.NotEqual(0, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset)) & 0x2);
            Assert.Equal(0, LibTorchSharpPatch.Apply(copy));
            Assert.Equal(new FileInfo(Library).Length, new FileInfo(copy).Length);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public void RejectsFilesThatAreNotElf()
    {
        Assert.Throws<InvalidDataException>(() => LibTorchSharpPatch.NewerGlibcxxFlags(new byte[128]));
    }
}
