using DeepPlate.Inference;

namespace DeepPlate.Web.Features.Reading;

/// <summary>
/// One read as the web does it: the choices are checked first (cheaper than decoding the picture), then the picture
/// is decoded (in memory) and read. Bad input of any kind becomes a <see cref="ReadRefusedException"/> with the
/// reader's own plain words; nothing of the request outlives the call.
/// </summary>
public sealed class PlateReading(PlateReader reader)
{
    /// <summary>The format files the reads are checked against.</summary>
    public DeepPlate.Formats.FormatRegistry Formats => reader.Formats;

    /// <exception cref="ReadRefusedException">400 for a bad picture, corners, country, state or format; 503 when the country has no model.</exception>
    public ReadOutcome Read(ReadForm form)
    {
        try
        {
            var model = reader.Models.For(form.Country);
            reader.Scope(model, form.Country, form.State, form.Format);
            var corners = form.Corners is null ? null : PlateCorners.Parse(form.Corners);
            var image = PlateImage.Decode(form.Image);
            // Corners that cannot be a plate's are told as such first; then corners too close together.
            if (corners is not null) PlateCorners.Validate(corners, image.Width, image.Height);
            PlateSize.Check(corners, image);
            PlateFrame[] frames = [new PlateFrame(image, corners)];
            return new ReadOutcome(reader.Read(new ReadRequest(frames, form.Country, form.State, form.Format)), frames);
        }
        catch (ModelUnavailableException)
        {
            // The catalog's own reason names server folders; the user needs to know which countries can be read.
            var country = reader.Formats.Country(form.Country);
            var available = string.Join(", ", reader.Models.Models.Select(m => reader.Formats.Country(m.Info.Country).Name));
            throw new ReadRefusedException(StatusCodes.Status503ServiceUnavailable,
                $"plates of {country.Name} cannot be read yet: there is no model for them on this server (models loaded: {(available.Length > 0 ? available : "none")})");
        }
        catch (ArgumentException e)
        {
            // ImageException, CornerException, UnknownCountry/State/TemplateException: each message says what is wrong.
            throw new ReadRefusedException(StatusCodes.Status400BadRequest, Describe(e));
        }
    }

    private static string Describe(ArgumentException e) => e switch
    {
        ImageException => $"the picture cannot be read: {e.Message}",
        CornerException => $"the corners cannot be a plate's: {e.Message}",
        _ => e.Message,
    };
}

/// <summary>A reading and the frames it was made from (the report shows them).</summary>
public sealed record ReadOutcome(DeepPlate.Inference.Reading Reading, IReadOnlyList<PlateFrame> Frames);
