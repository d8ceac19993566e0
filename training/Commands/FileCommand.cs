using System.CommandLine;

namespace DeepPlate.Training.Commands;

/// <summary>The shape of a command that writes a file from other files: "wrote X" on success; a missing or bad
/// input file is a usage error (exit code 2) with its message, not a stack trace.</summary>
public static class FileCommand
{
    public static int Run(ParseResult r, Func<string> write)
    {
        try
        {
            r.InvocationConfiguration.Output.WriteLine($"wrote {write()}");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
        {
            r.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
