using DeepPlate.Inference;

namespace DeepPlate.Web.Features.Health;

/// <summary><c>GET /healthz</c>: 200 with the loaded models. The models are loaded before the server listens
/// (<see cref="Hosting.ModelLoading"/>), so an answer at all means they are ready.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (ModelCatalog models) => Results.Json(new
        {
            status = "ready",
            models = models.Models.Select(m => m.Id).ToArray(),
            refused = models.Refused.Count,
        })).ExcludeFromDescription();
        return app;
    }
}
