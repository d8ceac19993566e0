namespace DeepPlate.Training.Tests.Evaluation.Real;

/// <summary>
/// A test on the real-photo development set (../shared/realdev beside the repository): skipped, with the reason,
/// when the set is not there (it is never in the repository).
/// </summary>
public sealed class RealDevFactAttribute : FactAttribute
{
    public RealDevFactAttribute()
    {
        if (RealDev.Manifest is null) Skip = "the real-photo set ../shared/realdev is not here";
    }
}

public static class RealDev
{
    /// <summary>../shared/realdev/manifest.tsv, looked for upwards from the test binaries; null when absent.</summary>
    public static string? Manifest { get; } = Find();

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var manifest = Path.Combine(dir.FullName, "shared", "realdev", "manifest.tsv");
            if (File.Exists(manifest)) return manifest;
        }
        return null;
    }
}
