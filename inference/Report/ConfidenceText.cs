using System.Globalization;

namespace DeepPlate.Inference.Report;

/// <summary>
/// Confidences as the report prints them: percentages, with as many decimals as the size of the number calls for,
/// and tiny values in scientific notation (1.2E-5 %) rather than a misleading "0.00 %". Public because the web page
/// shows the same texts: the server formats them with this rule and sends them with the reading, so screen and
/// paper can never disagree.
/// </summary>
public static class ConfidenceText
{
    public static string Percent(double confidence)
    {
        var p = confidence * 100;
        var inv = CultureInfo.InvariantCulture;
        return p switch
        {
            <= 0 => "0 %",
            >= 99.95 and < 100 => "99.9 %", // never round a confidence up to certainty
            >= 1 => p.ToString("0.0", inv) + " %",
            >= 0.01 => p.ToString("0.00", inv) + " %",
            _ => p.ToString("0.0E+0", inv) + " %",
        };
    }
}
