using DeepPlate.Formats;

namespace DeepPlate.Training;

/// <summary>
/// Which network a run trains. A resumed run keeps the one it recorded (whatever its options now say); a new run
/// takes the <c>--network</c> file, else the network of its <c>--init-from</c> model with this country's head, else
/// the standard network of its options with the attention head; <c>--head</c> then sets the kind of head. A continued model thus keeps its architecture without being told it.
/// Nothing here touches TorchSharp, so the card can describe a run's network.
/// </summary>
public static class RunNetwork
{
    /// <summary>
    /// The standard network of a run's options (<c>--network-width</c>, the input size, the country's head) with the
    /// slots head: what every run was built as before networks were recorded.
    /// </summary>
    public static NetworkSpec Standard(TrainOptions o, ModelAlphabet alphabet) =>
        NetworkSpec.Standard(o.InputHeight, o.InputWidth, alphabet.Slots, alphabet.Classes, o.NetworkWidth);

    /// <summary>
    /// What a run started from nothing trains: the standard convolutions with the attention head, which learns more
    /// per sample (training/README.md, "Recipes compared").
    /// </summary>
    public static NetworkSpec Fresh(TrainOptions o, ModelAlphabet alphabet) => Standard(o, alphabet) with { Head = HeadKind.Attention };

    /// <summary>
    /// The network a run's checkpoint holds: the checkpoint's record, else the run's network.json, else the standard
    /// network of the run's options, which is what every run built before networks were recorded.
    /// </summary>
    public static NetworkSpec Recorded(RunFolder run)
    {
        if (run.HasCheckpoint && run.LoadState().Network is { } recorded) return recorded;
        if (run.LoadNetwork() is { } saved) return saved;
        var options = run.LoadOptions();
        return Standard(options, ModelAlphabet.For(FormatRegistry.Default.Country(options.Country)));
    }

    /// <param name="source">The network of the <c>--init-from</c> model or run, or null without one.</param>
    /// <exception cref="ArgumentException">The network does not fit the country's head or the options' input size.</exception>
    /// <exception cref="InvalidDataException">The <c>--network</c> file is not a network description.</exception>
    public static NetworkSpec Choose(TrainOptions options, RunFolder run, bool resume, NetworkSpec? source)
    {
        var alphabet = ModelAlphabet.For(FormatRegistry.Default.Country(options.Country));
        var (spec, from) =
            resume ? (Recorded(run), $"the network of {run.Path}")
            : options.Network is not null ? (NetworkJson.Parse(File.ReadAllText(options.Network), options.Network), $"--network {options.Network}")
            : source is not null ? (source.WithHead(alphabet.Slots, alphabet.Classes), $"the network of --init-from {options.InitFrom}")
            : (Fresh(options, alphabet), "the standard network");
        if (!resume && options.Head is not null) spec = spec with { Head = Enum.Parse<HeadKind>(options.Head, ignoreCase: true) };
        if (spec.Slots != alphabet.Slots || spec.Classes != alphabet.Classes)
            throw new ArgumentException($"{from} ends in {spec.Slots} slots x {spec.Classes} classes; {options.Country} needs " +
                $"{alphabet.Slots} x {alphabet.Classes} (its {alphabet.Characters.Length} characters and 'no character')");
        if (spec.InputHeight != options.InputHeight || spec.InputWidth != options.InputWidth)
            throw new ArgumentException($"{from} reads {spec.InputHeight}x{spec.InputWidth} plates, not {options.InputHeight}x{options.InputWidth}: " +
                $"give --input-height {spec.InputHeight} --input-width {spec.InputWidth}");
        return spec;
    }
}
