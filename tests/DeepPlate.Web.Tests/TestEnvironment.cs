using System.Runtime.CompilerServices;

// One app, one browser at a time: the machine has two cores, and the "nothing written" test must see only its own reads.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace DeepPlate.Web.Tests;

/// <summary>
/// The test host's temporary folder: web.runsettings sets TMPDIR to <see cref="TempFolder"/> for the whole test
/// process (managed and native code read it), and this creates it before any test. When the tests are started
/// without the settings file, the managed TMPDIR is pointed there instead (native code then still uses /tmp).
/// </summary>
internal static class TestEnvironment
{
    public const string TempFolder = "/tmp/deepplate-web-tests";

    [ModuleInitializer]
    internal static void Init()
    {
        if (Environment.GetEnvironmentVariable("TMPDIR") is not { Length: > 0 } tmp || Path.GetFullPath(tmp).TrimEnd('/') != TempFolder)
        {
            Environment.SetEnvironmentVariable("TMPDIR", TempFolder);
        }
        Directory.CreateDirectory(TempFolder);
    }
}
