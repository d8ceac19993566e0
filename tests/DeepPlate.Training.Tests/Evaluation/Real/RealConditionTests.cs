using System.Numerics;
using DeepPlate.Inference;
using DeepPlate.Training.Evaluation.Real;
using SkiaSharp;

namespace DeepPlate.Training.Tests.Evaluation.Real;

/// <summary>Degrading a real photo like a grid cell: the plate really is W px wide, then a real colour JPEG.</summary>
public sealed class RealConditionTests
{
    [Fact]
    public void Parses_width_quality_pairs_and_refuses_bad_ones()
    {
        Assert.Equal([new RealCondition(30, 30), new RealCondition(20, 15)], RealCondition.ParseList("30:30, 20:15"));
        Assert.Empty(RealCondition.ParseList(""));
        Assert.Equal("30 px, JPEG 30", new RealCondition(30, 30).Name);
        Assert.Equal("clean", RealCondition.Clean.Name);
        foreach (var bad in new[] { "30", "30:", "a:30", "30:0", "30:101", "2:30", "30:30:1", "-30:30" })
        {
            Assert.Throws<ArgumentException>(() => RealCondition.ParseList(bad));
        }
    }

    [Theory]
    [InlineData(30, 30)]
    [InlineData(20, 15)]
    [InlineData(300, 90)]
    public void The_plate_is_W_pixels_wide_after_scaling_and_a_colour_JPEG(int width, int quality)
    {
        // A 400 x 200 picture, black, with a white 160 x 40 plate at (120, 80).
        var picture = Picture(400, 200, SKRect.Create(120, 80, 160, 40));
        Vector2[] corners = [new(120, 80), new(280, 80), new(280, 120), new(120, 120)];
        var (image, moved) = new RealCondition(width, quality).Apply(picture, corners);

        Assert.Equal("JPEG", image.Format);
        Assert.Equal(width, RealCondition.PlateWidth(moved), 1);
        Assert.Equal(Math.Round(400.0 * width / 160), image.Width);
        // The bright run across the middle row is the plate: as wide as the condition says (a pixel of blur at each end).
        var row = new float[image.Width];
        image.CopyGrey(0, (int)((moved[0].Y + moved[3].Y) / 2), image.Width, 1, row);
        var bright = row.Count(v => v > 0.5f);
        Assert.InRange(bright, width - 2, width + 2);
    }

    [Fact]
    public void Clean_is_the_picture_itself()
    {
        var picture = Picture(100, 50, SKRect.Create(10, 10, 80, 30));
        Vector2[] corners = [new(10, 10), new(90, 10), new(90, 40), new(10, 40)];
        var (image, moved) = RealCondition.Clean.Apply(picture, corners);
        Assert.Same(picture, image);
        Assert.Same(corners, moved);
    }

    private static PlateImage Picture(int width, int height, SKRect plate)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(plate, paint);
        }
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return PlateImage.Decode(png.AsSpan());
    }
}
