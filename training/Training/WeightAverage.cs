using static TorchSharp.torch;

namespace DeepPlate.Training;

/// <summary>
/// An exponential moving average of a network's weights and batch statistics (Polyak averaging, <c>--average</c>):
/// after every step each averaged value moves a share 1 - d of the way to the live one, d = min(decay,
/// (1 + step) / (10 + step)) so that the first steps are not dominated by the starting weights. The live weights keep
/// training and the average only follows them, so it never changes a run's course; it is what validation scores and
/// what the run saves beside its checkpoint and exports: the noise of the last steps' updates averages out.
/// </summary>
public sealed class WeightAverage : IDisposable
{
    private readonly PlateNet net;
    private readonly (Tensor Live, Tensor Average)[] pairs;

    /// <summary>An average of <paramref name="net"/>'s weights, starting as they are now.</summary>
    public WeightAverage(PlateNet net, double decay)
    {
        if (decay is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(decay), decay, "the decay of an average lies between 0 and 1");
        Decay = decay;
        this.net = net;
        using var _ = no_grad();
        // Integer buffers (a batch norm's step count) are not averaged: they stay the live network's.
        pairs = [.. net.named_parameters().Select(p => (Tensor)p.parameter).Concat(net.named_buffers().Select(b => b.buffer))
            .Where(t => t.is_floating_point()).Select(t => (t, t.detach().clone()))];
    }

    public double Decay { get; }

    /// <summary>The share of the old average kept at this step.</summary>
    public double DecayAt(long step) => Math.Min(Decay, (1.0 + step) / (10.0 + step));

    /// <summary>Moves the average towards the live weights after step <paramref name="step"/> (counted from 0).</summary>
    public void Update(long step)
    {
        var d = DecayAt(step);
        using var _ = no_grad();
        foreach (var (live, average) in pairs) average.mul_(d).add_(live, alpha: 1 - d);
    }

    /// <summary>Exchanges the live weights and the average in place: call it again to undo. Between the two calls the
    /// network holds the average (to score it, save it or load a saved one into it).</summary>
    public void Swap()
    {
        using var _ = no_grad();
        foreach (var (live, average) in pairs)
        {
            using var held = live.clone();
            live.copy_(average);
            average.copy_(held);
        }
    }

    /// <summary>Writes the average as a weights file of the network (what <see cref="Load"/> and the export read).</summary>
    public void Save(string path)
    {
        Swap();
        net.save(path);
        Swap();
    }

    /// <summary>Replaces the average with one <see cref="Save"/> wrote; the live weights stay as they are.</summary>
    public void Load(string path)
    {
        Swap();
        net.load(path);
        Swap();
    }

    public void Dispose()
    {
        foreach (var (_, average) in pairs) average.Dispose();
    }
}
