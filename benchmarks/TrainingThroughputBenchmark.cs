using BenchmarkDotNet.Attributes;
using DeepPlate.Formats;
using DeepPlate.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepPlate.Benchmarks;

/// <summary>
/// Training throughput with the synthetic data pipeline against the bare forward + backward + AdamW step of the same
/// network on a ready batch. Goal: the pipeline costs at most 15 %, i.e. Streamed takes at most 1/0.85 = 1.18x the
/// time of Bare per sample. Reported times are per sample (OperationsPerInvoke), at the default batch of 64 and the
/// default network on the default 32 x 128 input, with TorchSharp on every core as `deepplate train` runs it.
/// </summary>
[MemoryDiagnoser]
public class TrainingThroughputBenchmark
{
    private const int Batch = 64;
    private const int Steps = 8;
    private readonly TrainOptions options = new() { Country = "de" };
    private PlateNet net = null!;
    private AdamW optimizer = null!;
    private BatchSource source = null!;
    private PlateBatch ready = null!;

    [GlobalSetup]
    public void Setup()
    {
        TorchSetup.Ensure(); // as `deepplate train` runs
        torch.set_num_threads(Environment.ProcessorCount);
        var alphabet = ModelAlphabet.For(FormatRegistry.Default.Country(options.Country));
        net = new PlateNet(RunNetwork.Fresh(options, alphabet));
        net.train();
        optimizer = optim.AdamW(net.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        source = new BatchSource(options.Country, options.InputHeight, options.InputWidth, Batch, options.Seed, 0,
            options.Workers, options.Prefetch, _ => 1);
        ready = source.Take();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        source.Dispose();
        optimizer.Dispose();
        net.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch * Steps)]
    public float Bare()
    {
        var loss = 0f;
        for (var i = 0; i < Steps; i++) loss += Step(ready);
        return loss;
    }

    [Benchmark(OperationsPerInvoke = Batch * Steps)]
    public float Streamed()
    {
        var loss = 0f;
        for (var i = 0; i < Steps; i++)
        {
            var batch = source.Take();
            loss += Step(batch);
            source.Return(batch);
        }
        return loss;
    }

    private float Step(PlateBatch batch) => TrainingStep.Run(net, optimizer, batch, options.GradientClip);
}
