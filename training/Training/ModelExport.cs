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
    /// <summary>The network of a run folder's checkpoint, built from the run's record of it: the moving average of its
    /// weights where the run kept one (<c>--average</c>), else the last step's.</summary>
    public static PlateNet LoadCheckpoint(RunFolder run)
    {
        TorchSetup.Ensure();
        var net = new PlateNet(RunNetwork.Recorded(run));
        net.load(File.Exists(run.Average) ? run.Average : run.Weights);
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

        var (inputs, labels) = PlateSampler.FixedSet(country.Code, net.Spec.InputHeight, net.Spec.InputWidth,
            options.CalibrationSeed, options.CalibrationSamples, 1, options.ComputeThreads, AppearanceSpec.Resolve(options.Appearance));
        var logits = Validation.Logits(net, inputs, options.CalibrationSamples);
        var calibration = TemperatureScaling.Fit(logits, labels, alphabet.Classes, options.CalibrationSamples);

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{state.Samples} samples, {state.Seconds / 60:F0} min, validation at full difficulty: {state.ValidationCharAccuracy:P1} characters, {state.ValidationPlateAccuracy:P1} plates; " +
            $"network {net.Spec.Describe()}, {net.ParameterCount()} parameters; seed {options.Seed}");
        var info = new ModelInfo(country.Code, alphabet.Characters, alphabet.Slots, net.Spec.InputHeight, net.Spec.InputWidth,
            country.Sha256, calibration.Temperature, calibration.EceBefore, calibration.EceAfter, summary,
            run.DegradationsSha256, run.AppearanceSha256);
        OnnxExporter.Export(net, info, output);
        return (info, calibration);
    }
}
