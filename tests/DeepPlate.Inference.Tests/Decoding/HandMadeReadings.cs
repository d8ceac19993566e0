using DeepPlate.Formats;

namespace DeepPlate.Inference.Tests.Decoding;

/// <summary>
/// Distributions written by hand for a country's model shape, no network involved, so that what the valid ranking
/// makes of them is known in advance. Also compiled into the CLI tests (a linked file): they need a reading with a
/// plate that a notIssued rule marks, which the tiny fixture models never give.
/// </summary>
internal static class HandMadeReadings
{
    /// <summary>The model shape the country's format files call for (alphabet and slots), for distributions only.</summary>
    public static ModelInfo ModelFor(string country)
    {
        var c = FormatRegistry.Default.Country(country);
        var alphabet = ModelAlphabet.For(c);
        return new ModelInfo(c.Code, alphabet.Characters, alphabet.Slots, 32, 128, c.Sha256, 1, 0, 0, "test");
    }

    /// <summary>A certain reading except one slot, split between two characters.</summary>
    public static float[] OneSlotInDoubt(ModelInfo model, string text, int slot, char other, float pOther)
    {
        var p = new float[model.Slots * model.Classes];
        for (var s = 0; s < model.Slots; s++) p[s * model.Classes + (s < text.Length ? model.Alphabet.IndexOf(text[s]) : model.Blank)] = 1;
        p[slot * model.Classes + model.Alphabet.IndexOf(text[slot])] = 1 - pOther;
        p[slot * model.Classes + model.Alphabet.IndexOf(other)] = pOther;
        return p;
    }

    /// <summary>The valid plates of <see cref="OneSlotInDoubt"/> for the whole country (no state, no format), as the
    /// reader ranks them.</summary>
    public static ValidResult Valid(string country, string text, int slot, char other, float pOther)
    {
        var model = ModelFor(country);
        var scope = FormatScope.Resolve(FormatRegistry.Default, model, country, null, null);
        return ValidRanking.Rank(FormatRegistry.Default, scope, OneSlotInDoubt(model, text, slot, other, pOther), 60);
    }
}
