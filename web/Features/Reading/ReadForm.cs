using System.Text;
using DeepPlate.Formats;
using DeepPlate.Inference;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DeepPlate.Web.Features.Reading;

/// <summary>
/// The fields of one read request (multipart/form-data): the picture and what the user chose. Read straight from
/// the request body into memory by <see cref="ReadAsync"/>, never through ASP.NET's form feature, which would
/// spill a large upload into a temporary file: nothing the user sends may touch the disk.
/// </summary>
/// <param name="Image">The picture's bytes.</param>
/// <param name="FileName">The picture's file name as the browser gave it (cited in the report), or "image".</param>
/// <param name="Corners">"x1,y1 x2,y2 x3,y3 x4,y4" in the upright picture's pixels, clockwise from the top-left; empty: the whole picture.</param>
/// <param name="ExaminerReading">The user's own reading, made before seeing any result (page 1 of the report).</param>
/// <param name="Licence">The number of the licence whose use the read consumes (<see cref="Access.ReadUses"/>).</param>
public sealed record ReadForm(byte[] Image, string FileName, string? Corners, string Country, string? State, string? Format,
    string? ExaminerReading, string? CaseReference, string? Examiner, string? Licence)
{
    /// <summary>The text fields and their longest accepted value (characters).</summary>
    private static readonly Dictionary<string, int> TextFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["corners"] = 400, ["country"] = 40, ["state"] = 40, ["format"] = 80,
        ["examinerReading"] = 200, ["caseReference"] = 200, ["examiner"] = 200, ["licence"] = 20,
    };

    /// <param name="formats">The format files, whose countries a missing country's message lists.</param>
    /// <exception cref="ReadRefusedException">400 when the body is not a read form (its message says why), 413 when it is larger than <paramref name="maxBytes"/>.</exception>
    public static async Task<ReadForm> ReadAsync(HttpRequest request, long maxBytes, FormatRegistry formats, CancellationToken cancel)
    {
        if (request.ContentLength > maxBytes)
        {
            await Drain(request, cancel);
            throw TooLarge(maxBytes);
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw Bad("send the picture and its fields as multipart/form-data (fields: image, corners, country, state, format)");
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024, BodyLengthLimit = maxBytes };
        var texts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        byte[]? image = null;
        string? fileName = null;
        long total = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(cancel) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    throw Bad("every part of the form needs a Content-Disposition: form-data header with a field name");
                }
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                var bytes = await ReadCapped(section.Body, maxBytes - total, maxBytes, cancel);
                total += bytes.Length;
                if (name.Equals("image", StringComparison.OrdinalIgnoreCase))
                {
                    if (image is not null) throw Bad("send one picture (one 'image' field)");
                    image = bytes;
                    var given = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    fileName = string.IsNullOrWhiteSpace(given) ? "image" : Path.GetFileName(given);
                }
                else if (TextFields.TryGetValue(name, out var longest))
                {
                    var text = Encoding.UTF8.GetString(bytes);
                    if (text.Length > longest) throw Bad($"the field '{name}' is longer than {longest} characters");
                    if (!texts.TryAdd(name, text)) throw Bad($"the field '{name}' is given twice");
                }
                // Other fields (the antiforgery token, a submit button's name) are ignored.
            }
        }
        catch (InvalidDataException e) when (e.Message.Contains("exceeds", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            await Drain(request, cancel);
            throw TooLarge(maxBytes);
        }
        catch (ReadRefusedException e) when (e.Status == StatusCodes.Status413PayloadTooLarge)
        {
            await Drain(request, cancel);
            throw;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // MultipartReader says "Unexpected end of Stream" (an IOException) when the body stops before the
            // closing boundary: the client's mistake, not the server's.
            throw Bad("the multipart form is malformed or cut short: send the whole form, ending with its closing boundary");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }

        if (image is null || image.Length == 0) throw Bad("no picture: send the image file in the 'image' field");
        var country = Text(texts, "country") ?? throw Bad($"no country: give the country code in the 'country' field ({CountryList.Codes(formats)})");
        return new ReadForm(image, fileName!, Text(texts, "corners"), country, Text(texts, "state"), Text(texts, "format"),
            Text(texts, "examinerReading"), Text(texts, "caseReference"), Text(texts, "examiner"), Text(texts, "licence"));
    }

    private static string? Text(Dictionary<string, string> texts, string name) =>
        texts.TryGetValue(name, out var t) && t.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>A section's bytes, refused once the request as a whole passes <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]> ReadCapped(Stream body, long left, long maxBytes, CancellationToken cancel)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await body.ReadAsync(buffer, cancel)) > 0)
        {
            if (memory.Length + n > left) throw TooLarge(maxBytes);
            memory.Write(buffer, 0, n);
        }
        return memory.ToArray();
    }

    /// <summary>
    /// Reads and discards the rest of a refused body, so the client, still sending, receives the 413 instead of a
    /// reset connection (a socket closed with unread data resets). Bounded by Kestrel's body limit
    /// (<see cref="Hosting.WebServices"/>: twice the read limit); past that the connection is simply dropped.
    /// </summary>
    private static async Task Drain(HttpRequest request, CancellationToken cancel)
    {
        var buffer = new byte[81920];
        try
        {
            while (await request.Body.ReadAsync(buffer, cancel) > 0)
            {
            }
        }
        catch (BadHttpRequestException)
        {
        }
    }

    private static ReadRefusedException Bad(string message) => new(StatusCodes.Status400BadRequest, message);

    private static ReadRefusedException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"the request is larger than {maxBytes / (1024 * 1024)} MB; send a smaller picture (crop it around the plate, or save it as JPEG)");
}
