namespace DeepPlate.Synth;

/// <summary>
/// Light falling off towards the edges of the frame (lens vignetting, a torch or headlight that lights the middle):
/// every pixel is multiplied by 1 - <see cref="Strength"/> (r / R)², r its distance from the centre
/// (<see cref="CentreX"/>, <see cref="CentreY"/> as shares of the scene) and R the half diagonal. Before the camera's
/// noise, as light.
/// </summary>
public readonly record struct Vignette(double Strength, double CentreX, double CentreY)
{
    public void Apply(GreyImage scene)
    {
        var (w, h) = (scene.Width, scene.Height);
        var (cx, cy) = ((float)(CentreX * w), (float)(CentreY * h));
        var k = (float)(Strength / (0.25 * ((double)w * w + (double)h * h)));
        var pixels = scene.Pixels;
        for (var y = 0; y < h; y++)
        {
            var dy = y + 0.5f - cy;
            var row = pixels.Slice(y * w, w);
            for (var x = 0; x < w; x++)
            {
                var dx = x + 0.5f - cx;
                row[x] *= Math.Max(0, 1 - k * (dx * dx + dy * dy));
            }
        }
    }
}
