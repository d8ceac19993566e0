namespace DeepPlate.Synth;

/// <summary>
/// The concrete degradation of one sample, every parameter explicit, in the order they act: perspective and the
/// plate's size in the scene (applied while rendering), then optical and motion blur, light, noise, JPEG.
/// Sampled from a <see cref="DegradationSpec"/>; written with each sample's label.
/// </summary>
public sealed record Degradations(
    double WidthPx,
    double YawDeg,
    double PitchDeg,
    double RollDeg,
    double BlurSigmaPx,
    double MotionLengthPx,
    double MotionAngleDeg,
    double Brightness,
    double Contrast,
    double Gamma,
    double UnevenLight,
    double UnevenLightAngleDeg,
    double? SnrDb,
    int? JpegQuality,
    double ClickErrorPx)
{
    /// <summary>A clean, frontal plate <paramref name="widthPx"/> pixels wide: no blur, noise, JPEG or click error.</summary>
    public static Degradations Clean(double widthPx) =>
        new(widthPx, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, null, null, 0);
}
