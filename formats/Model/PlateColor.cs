using System.Globalization;

namespace DeepPlate.Formats;

/// <summary>An sRGB colour written <c>#RRGGBB</c> in the data files.</summary>
public readonly record struct PlateColor(byte R, byte G, byte B)
{
    public static PlateColor Parse(string text)
    {
        if (text.Length != 7 || text[0] != '#'
            || !uint.TryParse(text.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            throw new FormatException($"'{text}' is not a colour #RRGGBB");
        }
        return new PlateColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
    }

    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}";
}
