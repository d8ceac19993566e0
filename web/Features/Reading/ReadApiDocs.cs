using DeepPlate.Formats;
using DeepPlate.Inference;
using Microsoft.OpenApi;

namespace DeepPlate.Web.Features.Reading;

/// <summary>
/// The OpenAPI description of <c>POST /api/read</c> (document at <c>/openapi/v1.json</c>). The endpoint reads its
/// multipart body itself (so nothing is buffered to disk), so the generator cannot infer the fields: they are
/// described here. The countries are the format files' and the models loaded, as the server has them.
/// </summary>
public static class ReadApiDocs
{
    public static RouteHandlerBuilder DescribeReadApi(this RouteHandlerBuilder endpoint) => endpoint
        .WithSummary("Read a degraded licence plate")
        .WithDescription("One picture and the plate's four corners; answers the same JSON object as `deepplate read --json`: " +
            "per-position characters with confidences, the 60 most likely plates, the most likely valid plates and, with the US state or format " +
            "unknown, the likely states and formats. Needs a login (HTTP Basic, or the login page's cookie) and consumes one use of the named licence " +
            "when the read succeeds (a failed read consumes nothing); the uses left this month come back in the X-Uses-Left header. " +
            "Nothing is kept: no file, image, result or plate text, only the count of uses and an audit row (user, licence, time, country).")
        .Produces(StatusCodes.Status200OK, contentType: "application/json")
        .Produces<ReadError>(StatusCodes.Status400BadRequest)
        .Produces<ReadError>(StatusCodes.Status401Unauthorized)
        .Produces<ReadError>(StatusCodes.Status403Forbidden)
        .Produces<ReadError>(StatusCodes.Status404NotFound)
        .Produces<ReadError>(StatusCodes.Status413PayloadTooLarge)
        .Produces<ReadError>(StatusCodes.Status429TooManyRequests)
        .Produces<ReadError>(StatusCodes.Status503ServiceUnavailable)
        .AddOpenApiOperationTransformer((operation, context, _) =>
        {
            var formats = context.ApplicationServices.GetRequiredService<FormatRegistry>();
            var models = context.ApplicationServices.GetRequiredService<ModelCatalog>();
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "image", "country", "licence" },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["image"] = Field(JsonSchemaType.String, "The picture: JPEG, PNG, BMP, WebP or GIF (first frame), at most 50 megapixels; EXIF orientation is applied.", "binary"),
                                ["corners"] = Field(JsonSchemaType.String, "The plate's four corners in the upright picture's pixels, clockwise from the top-left: \"x1,y1 x2,y2 x3,y3 x4,y4\". Leave out for the whole picture (already the rectified plate)."),
                                ["country"] = Field(JsonSchemaType.String, CountryText(formats, models)),
                                ["state"] = Field(JsonSchemaType.String, StateText(formats)),
                                ["format"] = Field(JsonSchemaType.String, "Template id (for a country with states, within the state); leave out or 'unknown' for no rule."),
                                ["licence"] = Field(JsonSchemaType.String, "The number of the licence to consume (one of the user's; the upload page lists them). 404 for a licence that is not the user's; 403 when its plan has ended, the institution's country is not served, or no use is left this month."),
                            },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });

    private static string CountryText(FormatRegistry formats, ModelCatalog models) =>
        $"Country code: {CountryList.Describe(formats, models)}. A country with no model yet is answered with 503.";

    private static string StateText(FormatRegistry formats)
    {
        var withStates = formats.Countries.Where(c => c.HasStates).Select(c => c.Code).ToList();
        return withStates.Count == 0
            ? "Not used: no country of this server has states."
            : $"State code, for a country with states ({string.Join(", ", withStates)}; US: the postal code); leave out or 'unknown' when not known.";
    }

    private static OpenApiSchema Field(JsonSchemaType type, string description, string? format = null) =>
        new() { Type = type, Description = description, Format = format };
}
