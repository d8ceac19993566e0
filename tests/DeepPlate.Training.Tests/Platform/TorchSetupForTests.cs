using System.Runtime.CompilerServices;

namespace DeepPlate.Training.Tests.Platform;

/// <summary>
/// Tests call TorchSharp directly (tensors, modules), not only through the library's entry points that set it up, so
/// the test assembly sets it up itself before any test runs (see <see cref="TorchSetup"/>).
/// </summary>
internal static class TorchSetupForTests
{
    [ModuleInitializer]
    internal static void Initialize() => TorchSetup.Ensure();
}
