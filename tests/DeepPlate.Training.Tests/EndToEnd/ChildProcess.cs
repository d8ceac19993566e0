using System.Diagnostics;

namespace DeepPlate.Training.Tests.EndToEnd;

/// <summary>
/// The built programs run as child processes with an environment of their own: the registries they load
/// (<c>FormatRegistry.Default</c>, the font table) are per process, so a test that changes what they read cannot
/// share the test run's process.
/// </summary>
internal static class ChildProcess
{
    /// <summary>
    /// How to start <c>deepplate</c>: the cli project's build output (the one place that knows where the command
    /// line lives).
    /// </summary>
    public static ProcessStartInfo Cli(params string[] args) => Dotnet(Built("cli", "deepplate.dll"), args);

    /// <summary>How to start the web app (or its <c>access</c> command), from its build output.</summary>
    public static ProcessStartInfo Web(params string[] args) => Dotnet(Built("web", "DeepPlate.Web.dll"), args);

    /// <summary>Runs to the end; the exit code and what it wrote.</summary>
    public static (int Exit, string Output, string Error) Run(ProcessStartInfo start, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        using var process = Start(start, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not end within {timeout}");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Starts it with <paramref name="environment"/> added to this process's; the caller ends it.</summary>
    public static Process Start(ProcessStartInfo start, IReadOnlyDictionary<string, string> environment)
    {
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
    }

    private static ProcessStartInfo Dotnet(string dll, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }

    /// <summary>A project's build output in the configuration this test was built in (the solution builds them all).</summary>
    private static string Built(string project, string dll)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "DeepPlate.sln"))) continue;
            // tests/DeepPlate.Training.Tests/bin/Debug/net10.0/linux-x64/ → project/bin/Debug/net10.0/linux-x64/
            var output = Path.GetRelativePath(Path.Combine(dir.FullName, "tests", "DeepPlate.Training.Tests"), AppContext.BaseDirectory);
            var path = Path.Combine(dir.FullName, project, output, dll);
            return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built: build the solution (dotnet build DeepPlate.sln) first", path);
        }
        throw new DirectoryNotFoundException("the repository root (DeepPlate.sln) is not above the test binaries");
    }
}
