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
/// default network on the default 32 x 128 input, with TorchSharp on <see cref="Threads"/> threads, and with the input
/// in the usual or the channels-last memory layout; <see cref="BareBFloat16"/> is <see cref="Bare"/> computed by a bfloat16
/// copy of the network (<c>--precision bfloat16</c>, <see cref="BFloat16Shadow"/>).
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
    private BFloat16Shadow shadow = null!;

    /// <summary>TorchSharp's threads: 2 is how one `deepplate train` runs on the machine; 1 is one of two runs side by side.</summary>
    [Params(2, 1)]
    public int Threads { get; set; }

    /// <summary>
    /// The input in channels-last memory (NHWC strides): convolutions given such an input produce channels-last
    /// outputs, so the whole trunk runs oneDNN's NHWC kernels. TorchSharp 0.107 takes no memory format, so the strides
    /// are made by permuting to NHWC, copying and permuting back (with one channel, PyTorch reads them as channels-last).
    /// </summary>
    [Params(false, true)]
    public bool ChannelsLast { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        TorchSetup.Ensure(); // as `deepplate train` runs
        torch.set_num_threads(Threads);
        var alphabet = ModelAlphabet.For(FormatRegistry.Default.Country(options.Country));
        net = new PlateNet(RunNetwork.Fresh(options, alphabet));
        net.train();
        optimizer = optim.AdamW(net.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        source = new BatchSource(options.Country, options.InputHeight, options.InputWidth, Batch, options.Seed, 0,
            options.Workers, options.Prefetch, _ => 1);
        ready = source.Take();
        shadow = new BFloat16Shadow(net);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        source.Dispose();
        shadow.Dispose();
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

    [Benchmark(OperationsPerInvoke = Batch * Steps)]
    public float BareBFloat16()
    {
        var loss = 0f;
        for (var i = 0; i < Steps; i++) loss += Step(ready, shadow);
        return loss;
    }

    private float Step(PlateBatch batch, BFloat16Shadow? mixed = null) =>
        TrainingStep.Run(net, optimizer, batch, options.GradientClip, weighted: options.IssuedPrior, layout: ChannelsLast ? ToChannelsLast : null,
            shadow: mixed);

    private static Tensor ToChannelsLast(Tensor x) => x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
}
