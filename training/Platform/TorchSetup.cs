namespace DeepPlate.Training;

/// <summary>
/// Makes TorchSharp load and train at full speed on this platform: <see cref="LibTorchSharpPatch"/> (Debian 12's
/// libstdc++ is older than libLibTorchSharp.so asks for) and <see cref="MallocTuning"/> (4-8x faster training), see
/// ../shared/research/platform-notes.md §3.1-3.2. Called explicitly by what trains or exports, before the first torch
/// call, rather than by a module initializer: the training assembly is also loaded by commands that never touch
/// TorchSharp (eval, ceiling, card, accuracy), and those should neither rewrite-check the native library nor switch
/// off heap trimming. Test and benchmark assemblies that call TorchSharp directly call it too.
/// </summary>
public static class TorchSetup
{
    private static readonly Lock Gate = new();
    private static bool done;

    /// <summary>Whether <see cref="Ensure"/> has run in this process.</summary>
    public static bool Applied
    {
        get
        {
            lock (Gate) return done;
        }
    }

    /// <summary>Applies both fixes once per process; later and concurrent calls wait for the first and return. A
    /// failed patch (e.g. a read-only binaries folder) throws and is tried again on the next call.</summary>
    public static void Ensure()
    {
        lock (Gate)
        {
            if (done) return;
            LibTorchSharpPatch.ApplyToApplication();
            MallocTuning.Apply();
            done = true;
        }
    }
}
