using System.Runtime.CompilerServices;

namespace DeepPlate.Training;

/// <summary>
/// Makes TorchSharp load and train at full speed on this platform before any torch call, for the CLI and for test
/// runs alike (a module initializer runs before any code of this assembly).
/// </summary>
internal static class TorchSetup
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        LibTorchSharpPatch.ApplyToApplication();
        MallocTuning.Apply();
    }
}
