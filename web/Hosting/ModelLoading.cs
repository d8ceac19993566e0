using DeepPlate.Formats;
using DeepPlate.Inference;

namespace DeepPlate.Web.Hosting;

/// <summary>
/// The models are loaded once, at start, before the server listens (so <c>/healthz</c> answering means they are
/// ready and no first reader waits for them). The folder is <c>Models:Directory</c> in the configuration, else
/// <see cref="ModelCatalog.DefaultDirectory"/> (<c>DEEPPLATE_MODELS</c> or the shipped models beside the binaries).
/// <c>Models:Threads</c> (default 1) is ONNX Runtime's threads per read: concurrent requests already fill the
/// cores, and one read spreading over all of them only makes reads wait for each other (tail latency).
/// </summary>
public static class ModelLoading
{
    public static IServiceCollection AddModels(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton(FormatRegistry.Default)
        .AddSingleton(sp => ModelCatalog.Load(configuration["Models:Directory"] is { Length: > 0 } dir ? dir : ModelCatalog.DefaultDirectory,
            sp.GetRequiredService<FormatRegistry>(), configuration.GetValue("Models:Threads", 1)))
        .AddSingleton(sp => new PlateReader(sp.GetRequiredService<ModelCatalog>(), sp.GetRequiredService<FormatRegistry>()));

    /// <summary>Loads the models now and says which were loaded or refused (names and reasons only, never user data).</summary>
    public static void LoadModels(this WebApplication app)
    {
        var models = app.Services.GetRequiredService<ModelCatalog>();
        var log = app.Logger;
        log.LogInformation("Models from {Directory}: {Models}", models.Directory, models.Models.Count == 0 ? "none" : string.Join(", ", models.Models.Select(m => m.Id)));
        foreach (var r in models.Refused) log.LogWarning("Model refused: {Reason}", r.Reason);
        foreach (var n in models.Notes) log.LogInformation("Model note: {Note}", n.Note);
    }
}
