using System.CommandLine;

namespace DeepPlate.Training.Commands;

/// <summary><c>deepplate export --run DIR --out FILE.onnx</c>: calibrates a run's checkpoint and writes the ONNX model.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "Training run folder (holds options.json and the checkpoint).", Required = true };
        var output = new Option<string>("--out") { Description = "ONNX file to write.", Required = true };
        var command = new Command("export", "Calibrates a training run's checkpoint and exports it as a self-describing ONNX model.") { run, output };
        command.SetAction(r =>
        {
            TorchSetup.Ensure();
            try
            {
                var (info, calibration) = ModelExport.Export(new RunFolder(r.GetValue(run)!), r.GetValue(output)!);
                r.InvocationConfiguration.Output.WriteLine($"wrote {r.GetValue(output)} ({info.Country}; temperature {calibration.Temperature:F3}, ECE {calibration.EceBefore:F4} -> {calibration.EceAfter:F4})");
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidDataException or IOException)
            {
                r.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
