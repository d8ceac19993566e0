using System.Globalization;
using DeepPlate.Formats;
using DeepPlate.Web.Access;
using DeepPlate.Web.Features.Reading;
using DeepPlate.Web.Security;

namespace DeepPlate.Web.Features.Access;

/// <summary>
/// The licence side of a read: before reading, the named licence must be the user's with a use left (refused early,
/// nothing consumed); after a successful read, one use is consumed before the result is sent, and a read whose use
/// cannot be consumed (another request took the last one meanwhile) sends a refusal instead of its result. A read
/// that fails consumes nothing. The uses left go back in the <see cref="UsesLeftHeader"/> header.
/// </summary>
public sealed class ReadUses(UseLedger ledger, FormatRegistry formats)
{
    /// <summary>The form field that names the licence to consume (its number).</summary>
    public const string Field = "licence";
    public const string UsesLeftHeader = "X-Uses-Left";

    /// <summary>The licence to consume, once it is known to be the user's and to have a use left.</summary>
    public async Task<long> BeforeReadAsync(HttpContext http, string? licence)
    {
        var user = User(http);
        if (!long.TryParse(licence, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            throw new ReadRefusedException(StatusCodes.Status400BadRequest, $"name the licence to consume: its number in the '{Field}' field (the upload page lists yours)");
        var check = await ledger.CheckAsync(user, id, http.RequestAborted);
        if (!check.Allowed) throw Refused(check);
        return id;
    }

    /// <summary>Consumes the use of a successful read of a <paramref name="country"/> plate.</summary>
    public async Task AfterReadAsync(HttpContext http, long licence, string country)
    {
        // Not cancelled with the request: the result is ready, and a use counted must be a use answered or rolled back whole.
        var code = formats.TryGetCountry(country, out var known) ? known.Code : country; // "gb" is counted as "uk"
        var used = await ledger.ConsumeAsync(User(http), licence, code, CancellationToken.None);
        if (!used.Allowed) throw Refused(used);
        http.Response.Headers[UsesLeftHeader] = used.UsesLeft.ToString(CultureInfo.InvariantCulture);
    }

    private static long User(HttpContext http) =>
        http.User.UserId() ?? throw new ReadRefusedException(StatusCodes.Status401Unauthorized, AccessAuthentication.LoginFirst);

    /// <summary>Another institution's licence (or none) is "not found", never "forbidden": its existence is not
    /// confirmed. The other refusals are 403 with their reason.</summary>
    private static ReadRefusedException Refused(UseResult result) =>
        new(result.Outcome == UseOutcome.NotYours ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden, result.Refusal);
}
