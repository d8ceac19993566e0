namespace DeepPlate.Synth.Tests.Fonts;

/// <summary>An environment variable set for a test and put back as it was on disposal.</summary>
internal sealed class TemporaryVariable : IDisposable
{
    private readonly string name;
    private readonly string? before;

    public TemporaryVariable(string name, string? value)
    {
        this.name = name;
        before = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(name, before);
}
