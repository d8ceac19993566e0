namespace DeepPlate.Synth;

/// <summary>
/// A second JPEG encoding at <see cref="Quality"/> after the camera's own (a messenger, a social network or an
/// export that re-encodes a frame, usually after cropping it): the image is placed <see cref="OffsetX"/>,
/// <see cref="OffsetY"/> pixels (0-7) into a slightly larger one, so its 8 x 8 blocks no longer line up with the
/// first encoding's, compressed with the codec of <see cref="JpegCompression"/>, and cut back out.
/// </summary>
public readonly record struct Recompression(int Quality, int OffsetX, int OffsetY)
{
    public void Apply(GreyImage scene)
    {
        var (w, h) = (scene.Width, scene.Height);
        using var framed = new GreyImage(w + OffsetX, h + OffsetY);
        var source = scene.Pixels;
        var target = framed.Pixels;
        // The margin repeats the image's first row and column, as a crop's neighbours would continue it.
        for (var y = 0; y < framed.Height; y++)
        {
            var from = source.Slice(Math.Max(0, y - OffsetY) * w, w);
            var to = target.Slice(y * framed.Width, framed.Width);
            to[..OffsetX].Fill(from[0]);
            from.CopyTo(to[OffsetX..]);
        }
        new JpegCompression(Quality).Apply(framed);
        for (var y = 0; y < h; y++) target.Slice((y + OffsetY) * framed.Width + OffsetX, w).CopyTo(source.Slice(y * w, w));
    }
}
