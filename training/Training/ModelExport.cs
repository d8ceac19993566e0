using DeepPlate.Synth;
using System.Globalization;
using DeepPlate.Formats;
using DeepPlate.Inference;

namespace DeepPlate.Training;

/// <summary>
/// From a run folder to a self-describing ONNX model: load the checkpoint, fit the calibration temperature on
/// held-out synthetic plates (the calibration seed, full difficulty), and export with the metadata readers need.
/// Used at the end of <c>train</c> and by <c>export</c>.
/// </summary>
public static class ModelExport
{
    public static NetworkSpec Spec(TrainOptions o, ModelAlphabet alphabet) =>
        NetworkSpec.Standard(o.InputHeight, o.InputWidth, alphabet.Slots, alphabet.Classes, o.NetworkWidth);

    /// <summary>The network of a run folder's checkpoint, built from the run's own options.</summary>
    public static PlateNet LoadCheckpoint(RunFolder run)
    {
        TorchSetup.Ensure();
        var options = run.LoadOptions();
        var net = new PlateNet(Spec(options, ModelAlphabet.For(FormatRegistry.Default.Country(options.Country))));
        net.load(run.Weights);
        return net;
    }

    public static (ModelInfo Info, Calibration Calibration) Export(RunFolder run, string output)
    {
        var options = run.LoadOptions();
        if (!run.HasCheckpoint) throw new FileNotFoundException($"{run.Path} has no checkpoint to export", run.Weights);
        var state = run.LoadState();
        var country = FormatRegistry.Default.Country(options.Country);
        var alphabet = ModelAlphabet.For(country);
        using var net = LoadCheckpoint(run);
        net.eval();

        var (inputs, labels) = PlateSampler.FixedSet(country.Code, options.InputHeight, options.InputWidth,
            options.CalibrationSeed, options.CalibrationSamples, 1, options.ComputeThreads, AppearanceSpec.Resolve(options.Appearance));
        var logits = Validation.Logits(net, inputs, options.CalibrationSamples);
        var calibration = TemperatureScaling.Fit(logits, labels, alphabet.Classes, options.CalibrationSamples);

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{state.Samples} samples, {state.Seconds / 60:F0} min, validation at full difficulty: {state.ValidationCharAccuracy:P1} characters, {state.ValidationPlateAccuracy:P1} plates; " +
            $"network width {options.NetworkWidth}, {net.ParameterCount()} parameters; seed {options.Seed}");
        var info = new ModelInfo(country.Code, alphabet.Characters, alphabet.Slots, options.InputHeight, options.InputWidth,
            country.Sha256, calibration.Temperature, calibration.EceBefore, calibration.EceAfter, summary);
        OnnxExporter.Export(net, info, output);
        return (info, calibration);
    }
}
