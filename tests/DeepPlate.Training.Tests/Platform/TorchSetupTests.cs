using System.Buffers.Binary;

namespace DeepPlate.Training.Tests.Platform;

public sealed class TorchSetupTests
{
    private static string Library => Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");

    [Fact]
    public void TheTestAssemblyHasSetTorchSharpUpAndTheLibraryBesideTheTestsIsPatched()
    {
        Assert.True(TorchSetup.Applied);
        var bytes = File.ReadAllBytes(Library);
        var flags = LibTorchSharpPatch.NewerGlibcxxFlags(bytes);
        Assert.NotEmpty(flags);
        Assert.All(flags, offset => Assert.NotEqual(0, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset)) & 0x2));
    }

    [Fact]
    public void EnsureFromManyThreadsAtOnceChangesNothingMore()
    {
        var before = File.ReadAllBytes(Library);
        Parallel.For(0, 16, _ => TorchSetup.Ensure());
        Assert.True(TorchSetup.Applied);
        Assert.Equal(before, File.ReadAllBytes(Library));
    }
}
