using BenchmarkDotNet.Running;
using DeepPlate.Benchmarks.Load;

// "load" is the hosted reader's load test (a running server, over loopback); everything else is BenchmarkDotNet.
if (args.Length > 0 && args[0] == "load") return await LoadTest.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
