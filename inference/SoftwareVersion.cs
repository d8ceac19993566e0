using System.Reflection;

namespace DeepPlate.Inference;

/// <summary>
/// The software's version as reports and readings cite it: the inference assembly's informational version
/// (<c>Version</c> in Directory.Build.props, plus the commit when the build adds one). Defined once so the CLI, the
/// web app and the PDF report never disagree.
/// </summary>
public static class SoftwareVersion
{
    public static string Current { get; } =
        typeof(SoftwareVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SoftwareVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
