using System.Runtime.InteropServices;

namespace DeepPlate.Training;

/// <summary>
/// glibc otherwise serves every large tensor buffer with a fresh mmap and faults its pages in again on every
/// iteration: training ran 4-8x slower on the reference machine (../shared/research/platform-notes.md §3.2). Keeping
/// large blocks on the heap and never trimming it trades resident memory (about 2 GB) for that speed.
/// </summary>
public static partial class MallocTuning
{
    private const int MTrimThreshold = -1;
    private const int MMmapMax = -4;

    public static void Apply()
    {
        if (!OperatingSystem.IsLinux()) return;
        mallopt(MMmapMax, 0);
        mallopt(MTrimThreshold, int.MaxValue);
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int param, int value);
}
