namespace DeepPlate.Web.Hosting;

/// <summary>
/// The limits of the read endpoints, from the <c>Limits</c> section of appsettings.json (or <c>--Limits:Name=value</c>
/// on the command line). The defaults below are the documented ones.
/// </summary>
public sealed record WebLimits
{
    public const string Section = "Limits";

    /// <summary>Largest read request (image, corners and choices together), in bytes: 413 beyond it.</summary>
    public long MaxRequestBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Reads a client (one IP address) may make per <see cref="RateWindowSeconds"/>; 0 turns the limit
    /// off (the load test on loopback does that). 429 beyond it.</summary>
    public int ReadsPerWindow { get; init; } = 120;

    /// <summary>The rate limit's window (fixed windows), in seconds.</summary>
    public int RateWindowSeconds { get; init; } = 60;

    /// <summary>Megapixels decoded at once, all reads together (<see cref="Features.Reading.DecodeBudget"/>): 4 bytes
    /// each, so 64 is about 256 MB of pictures in memory at most. Never less than the largest accepted picture.</summary>
    public int DecodeMegapixels { get; init; } = 64;
}
