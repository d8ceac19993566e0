using System.Text.Json.Nodes;

namespace DeepPlate.Formats;

/// <summary>Reads the <c>plate</c> and <c>typeface</c> objects (after overrides are merged).</summary>
internal static class StyleReader
{
    public static PlateStyle Plate(JsonObject merged, string file, string path, bool allowVariants = true)
    {
        var f = new JsonFields(merged, file, path);
        var border = f.Raw("border") is null ? (PlateColor?)null : Color(f, "border");
        var style = new PlateStyle(
            WidthMm: f.Positive("widthMm"),
            HeightMm: f.Positive("heightMm"),
            CornerRadiusMm: f.OptionalNumber("cornerRadiusMm") ?? 0,
            Background: Color(f, "background"),
            Text: Color(f, "text"),
            Border: border,
            BorderMm: f.OptionalNumber("borderMm") ?? (border is null ? 0 : 2),
            Band: Band(f.OptionalObject("band")),
            RightBand: Band(f.OptionalObject("rightBand")),
            Variants: [],
            Source: f.OptionalString("source"),
            Seals: Kind(f, "seals", SealKind.Sticker, ("sticker", SealKind.Sticker), ("plaque-and-seal", SealKind.PlaqueAndSeal)),
            Header: Kind(f, "header", HeaderKind.StateName, ("state-name", HeaderKind.StateName), ("none", HeaderKind.None)));

        var variants = new List<PlateVariant>();
        foreach (var v in f.Objects("variants"))
        {
            if (!allowVariants) throw v.Error("", "a variant cannot have variants");
            var name = v.String("name");
            var weight = v.Positive("weight");
            var overrides = v.Node.DeepClone().AsObject();
            overrides.Remove("name");
            overrides.Remove("weight");
            var baseObject = merged.DeepClone().AsObject();
            baseObject.Remove("variants");
            variants.Add(new PlateVariant(name, weight, Plate(JsonMerge.Merge(baseObject, overrides), file, v.Path, allowVariants: false)));
        }
        f.NoOtherKeys();
        return style with { Variants = variants };
    }

    public static Typeface Typeface(JsonObject merged, string file, string path)
    {
        var f = new JsonFields(merged, file, path);
        var typeface = new Typeface(
            Name: f.String("name"),
            Font: f.String("font"),
            HeightMm: f.Positive("heightMm"),
            WidthMm: f.Positive("widthMm"),
            DigitWidthMm: f.OptionalNumber("digitWidthMm"),
            StrokeMm: f.OptionalNumber("strokeMm"),
            GapMm: f.OptionalNumber("gapMm"),
            GroupGapMm: f.OptionalNumber("groupGapMm"),
            Source: f.OptionalString("source"))
        {
            SerifI = f.OptionalNumber("serifI") ?? 0,
            Spread = f.OptionalNumber("spread") ?? 0,
        };
        if (typeface.SerifI is < 0 or > 1) throw f.Error("serifI", $"a share from 0 to 1, not {typeface.SerifI}");
        if (typeface.Spread is < 0 or > 1) throw f.Error("spread", $"a share of the room from 0 to 1, not {typeface.Spread}");
        f.NoOtherKeys();
        return typeface;
    }

    private static BandStyle? Band(JsonFields? f)
    {
        if (f is null) return null;
        var code = f.OptionalString("code");
        var content = Kind(f, "content", code is null ? BandContent.Plain : BandContent.Code, ("plain", BandContent.Plain),
            ("code", BandContent.Code), ("territorial", BandContent.Territorial), ("year", BandContent.Year));
        // A code the band would not show is a mistake in the file, as is showing a code it does not have.
        if ((content == BandContent.Code) != (code is not null)) throw f.Error("content", code is null ? "\"code\" needs the band's code" : "only \"content\": \"code\" shows the band's code");
        var band = new BandStyle(
            Code: code,
            // The EU band's blue and white unless a file says otherwise (Regulation 2411/98).
            Background: f.Has("background") ? Color(f, "background") : PlateColor.Parse("#003399"),
            Text: f.Has("text") ? Color(f, "text") : PlateColor.Parse("#FFFFFF"),
            Stars: f.OptionalBool("stars") ?? true,
            WidthMm: f.OptionalNumber("widthMm") ?? 45,
            Content: content);
        f.NoOtherKeys();
        return band;
    }

    /// <summary>The kind <paramref name="key"/> names (one of <paramref name="names"/>), else <paramref name="fallback"/>.</summary>
    private static T Kind<T>(JsonFields f, string key, T fallback, params (string Name, T Kind)[] names)
    {
        if (f.OptionalString(key) is not { } name) return fallback;
        foreach (var n in names)
        {
            if (n.Name == name) return n.Kind;
        }
        throw f.Error(key, $"'{name}' is not one of {string.Join(", ", names.Select(n => n.Name))}");
    }

    private static PlateColor Color(JsonFields f, string key)
    {
        try
        {
            return PlateColor.Parse(f.String(key));
        }
        catch (FormatException e)
        {
            throw f.Error(key, e.Message);
        }
    }
}
