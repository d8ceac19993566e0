using System.Reflection;
using System.Runtime.Loader;

namespace DeepPlate.Cli.Tests;

/// <summary>
/// Runs <c>deepplate</c>'s entry point in a load context of its own, from the binaries beside the tests, and lists the
/// assemblies it loaded: the test process has loaded the training library already, so only a separate context shows
/// what a command needs. Framework assemblies come from the default context (they are not beside the tests).
/// </summary>
internal sealed class IsolatedCli() : AssemblyLoadContext("deepplate-isolated")
{
    public sealed record Run(int Exit, string Output, IReadOnlySet<string> Loaded);

    /// <summary>Runs the entry point with <paramref name="args"/>, capturing what it writes to the console.</summary>
    public static Run Invoke(params string[] args)
    {
        var context = new IsolatedCli();
        var entry = context.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "deepplate.dll")).EntryPoint!;
        var output = new StringWriter();
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(output);
        try
        {
            var exit = (int)entry.Invoke(null, [args])!;
            return new Run(exit, output.ToString(), context.Assemblies.Select(a => a.GetName().Name!).ToHashSet());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    protected override Assembly? Load(AssemblyName name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}

/// <summary>The tests that swap the console out run alone.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
