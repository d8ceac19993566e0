using DeepPlate.Inference;
using DeepPlate.Web.Features.Access;
using DeepPlate.Web.Hosting;
using DeepPlate.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace DeepPlate.Web.Features.Reading;

/// <summary>
/// The two ways to read a plate, one request each, nothing kept:
/// <list type="bullet">
/// <item><c>POST /api/read</c> for tools and tests: multipart (image, corners, country, state, format), answers
/// exactly <c>deepplate read --json</c>'s object (<see cref="ReadingJson.ToJson"/>). No antiforgery token: it is
/// not called from the page. A logged-in user (HTTP Basic for tools, or the cookie) names the licence to consume in
/// the <c>licence</c> field; the uses left come back in the <c>X-Uses-Left</c> header.</item>
/// <item><c>POST /read</c> for the page: the same fields plus the user's own reading, an antiforgery token in the
/// <c>X-CSRF-TOKEN</c> header, and answers the reading and the PDF report together (<c>{ fileName, reading, percent, pdf }</c>,
/// the PDF as base64, and the confidences as the report writes them: <see cref="PageAnswer"/>), so the results page lives only in the browser.</item>
/// </list>
/// </summary>
public static class ReadEndpoints
{
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static RouteGroupBuilder MapReadEndpoints(this IEndpointRouteBuilder app)
    {
        // Every read goes through this group: a logged-in user (cookie or HTTP Basic), and one use of a licence
        // consumed per successful read (ReadUses, in each handler: the licence is a field of the streamed form).
        var reads = app.MapGroup("").RequireAuthorization().RequireRateLimiting(ReadRateLimit.Policy).AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            try
            {
                return await next(context);
            }
            catch (ReadRefusedException e)
            {
                return Results.Json(new ReadError(e.Message), statusCode: e.Status);
            }
        });
        reads.MapPost("/api/read", ReadApi).WithName("ReadPlate").DescribeReadApi();
        reads.MapPost("/read", ReadPage).ExcludeFromDescription();
        return reads;
    }

    private static async Task<IResult> ReadApi(HttpContext http, PlateReading reading, ReadUses uses, IOptions<WebLimits> limits, DecodeBudget budget)
    {
        var form = await ReadForm.ReadAsync(http.Request, limits.Value.MaxRequestBytes, reading.Formats, http.RequestAborted);
        var licence = await uses.BeforeReadAsync(http, form.Licence);
        await TakeBudget(http, budget, form);
        var json = ReadingJson.ToJson(reading.Read(form).Reading);
        await uses.AfterReadAsync(http, licence, form.Country);
        return Results.Text(json, "application/json", System.Text.Encoding.UTF8);
    }

    private static async Task<IResult> ReadPage(HttpContext http, PlateReading reading, ReadUses uses, IAntiforgery antiforgery, IOptions<WebLimits> limits, TimeProvider clock,
        DecodeBudget budget)
    {
        // The token must come in the header: without it the antiforgery service would look for it in the form and
        // so buffer the upload through ASP.NET's form reader, which may write it to a temporary file.
        if (!http.Request.Headers.ContainsKey(AntiforgeryHeader) || !await antiforgery.IsRequestValidAsync(http))
        {
            throw new ReadRefusedException(StatusCodes.Status400BadRequest, "the page's security token is missing or out of date: reload the page and try again");
        }
        var form = await ReadForm.ReadAsync(http.Request, limits.Value.MaxRequestBytes, reading.Formats, http.RequestAborted);
        var licence = await uses.BeforeReadAsync(http, form.Licence);
        await TakeBudget(http, budget, form);
        var outcome = reading.Read(form);
        var pdf = ReportPdf.Render(outcome, form, clock.GetUtcNow());
        await uses.AfterReadAsync(http, licence, form.Country);

        return Results.Bytes(PageAnswer.Write(form.FileName, outcome.Reading, pdf), "application/json");
    }

    /// <summary>Waits for the picture's megapixels (<see cref="DecodeBudget"/>), held until the response is sent:
    /// only then is the decoded picture no longer referenced.</summary>
    private static async Task TakeBudget(HttpContext http, DecodeBudget budget, ReadForm form) =>
        http.Response.RegisterForDisposeAsync(await budget.TakeAsync(DecodeBudget.Cost(form.Image), http.RequestAborted));
}
