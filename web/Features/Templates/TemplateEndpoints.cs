namespace DeepPlate.Web.Features.Templates;

/// <summary><c>GET /templates/{country}/{template}.png</c> (US: <c>/templates/us/{state}/{id}.png</c>): a template's picture.</summary>
public static class TemplateEndpoints
{
    public static IEndpointRouteBuilder MapTemplateEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/templates/{country}/{**template}", (string country, string template, TemplatePictures pictures, HttpContext http) =>
        {
            if (!template.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) return Results.NotFound();
            var png = pictures.Png(country, template[..^4]);
            if (png is null) return Results.NotFound();
            // The same for everyone and only changing with the format files: the browser may keep it for a day.
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Bytes(png, "image/png");
        }).ExcludeFromDescription();
        return app;
    }
}
