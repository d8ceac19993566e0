namespace DeepPlate.Web.Security;

/// <summary>
/// Pages are never cached: they carry antiforgery tokens and the user's licences. The antiforgery service sets
/// exactly <c>Cache-Control: no-cache, no-store</c> and <c>Pragma: no-cache</c> on every response with a token and
/// logs a warning whenever it has to override something else (such as a plain <c>no-store</c>), so the pages set
/// precisely those: no warning on every page view, and still nothing stored.
/// </summary>
public static class PageCaching
{
    public static void Forbid(HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
    }
}
