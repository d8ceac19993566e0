using System.Runtime.InteropServices;
using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Appearance;

/// <summary>The appearance spec's camera steps (vignette, interlace, a second JPEG): what each does to pixels, and
/// that in the generator they change pixels only.</summary>
public sealed class CameraStepsTests
{
    private static GreyImage Pattern(int w, int h)
    {
        var image = new GreyImage(w, h);
        var p = image.Pixels;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++) p[y * w + x] = ((x / 3 + y / 4) % 2 == 0 ? 0.2f : 0.8f) + 0.01f * (x % 5);
        }
        return image;
    }

    [Fact]
    public void A_vignette_keeps_the_centre_and_darkens_the_corners_by_its_strength()
    {
        using var image = new GreyImage(200, 100);
        image.Pixels.Fill(1);
        new Vignette(0.4, 0.5, 0.5).Apply(image);
        Assert.InRange(image.Pixels[50 * 200 + 100], 0.999f, 1f);
        Assert.InRange(image.Pixels[0], 0.59f, 0.62f);
        Assert.InRange(image.Pixels[99 * 200 + 199], 0.59f, 0.62f);
        // Half way to a corner: a quarter of the strength.
        Assert.InRange(image.Pixels[25 * 200 + 50], 0.895f, 0.905f);
    }

    [Fact]
    public void Interlacing_moves_the_odd_rows_only()
    {
        using var image = Pattern(40, 6);
        var before = image.Pixels.ToArray();
        new Interlace(2).Apply(image);
        for (var y = 0; y < 6; y++)
        {
            for (var x = 0; x < 40; x++)
            {
                var expected = y % 2 == 0 ? before[y * 40 + x] : before[y * 40 + Math.Max(0, x - 2)];
                Assert.Equal(expected, image.Pixels[y * 40 + x]);
            }
        }
        using var half = Pattern(40, 6);
        new Interlace(0.5).Apply(half);
        Assert.Equal((before[40 + 10] + before[40 + 9]) / 2, half.Pixels[40 + 10], 5);
    }

    [Fact]
    public void A_second_jpeg_in_line_with_the_grid_is_the_codec_itself_and_out_of_line_it_is_not()
    {
        using var a = Pattern(37, 21);
        using var b = Pattern(37, 21);
        using var c = Pattern(37, 21);
        var original = a.Pixels.ToArray();
        new Recompression(40, 0, 0).Apply(a);
        new JpegCompression(40).Apply(b);
        new Recompression(40, 3, 5).Apply(c);
        Assert.Equal(b.Pixels.ToArray(), a.Pixels.ToArray());
        Assert.NotEqual(b.Pixels.ToArray(), c.Pixels.ToArray());
        // Still the same picture, not shifted: close to the original on average.
        var error = original.Zip(c.Pixels.ToArray(), (x, y) => Math.Abs(x - y)).Average();
        Assert.InRange(error, 0.001, 0.08);
    }

    [Fact]
    public void An_overexposed_plate_saturates_inside_its_corners_and_its_light_bleeds_into_dark_strokes()
    {
        using var image = new GreyImage(60, 30);
        image.Pixels.Fill(0.1f);
        // The plate: x 10..50, y 5..25, light sheeting with one dark stroke at x 29..31.
        for (var y = 5; y < 25; y++)
        {
            for (var x = 10; x < 50; x++) image.Pixels[y * 60 + x] = x is >= 29 and < 31 ? 0.1f : 0.7f;
        }
        System.Numerics.Vector2[] corners = [new(10, 5), new(50, 5), new(50, 25), new(10, 25)];
        new Overexposure(3, 1.5).Apply(image, corners);
        Assert.True(image.Pixels[15 * 60 + 20] >= 1f);                    // sheeting: saturated
        Assert.Equal(0.1f / MathF.Sqrt(3), image.Pixels[2 * 60 + 2], 5);   // the car far away: dimmed, no bloom
        var stroke = image.Pixels[15 * 60 + 29];
        // The ink hardly gains (0.1 x 1.02) but the sheeting's light above white bleeds into it.
        Assert.InRange(stroke, 0.15f, 0.9f);
        Assert.True(image.Pixels[15 * 60 + 29] < image.Pixels[15 * 60 + 20] - 0.1f, "the stroke stays darker than the sheeting");
    }

    [Fact]
    public void In_the_generator_the_camera_steps_change_pixels_and_nothing_else()
    {
        var fonts = new FontCatalog(useEnvironment: false);
        using var plain = new PlateGenerator(FormatRegistry.Default, fonts, DegradationSpec.Default, AppearanceSpec.Plain);
        using var steps = new PlateGenerator(FormatRegistry.Default, fonts, DegradationSpec.Default, AppearanceSpec.Plain with
        {
            Overexposed = 1, OverexposureGain = [2, 2], Vignette = 1, VignetteStrength = [0.3, 0.3], Interlace = 1, InterlaceShift = [0.02, 0.02], Recompress = 1, RecompressQuality = [50, 50],
        });
        for (var i = 0; i < 4; i++)
        {
            using var a = plain.Generate("se", null, 6, i);
            using var b = steps.Generate("se", null, 6, i);
            Assert.Equal(a.Text, b.Text);
            Assert.Equal(a.Degradations, b.Degradations);
            Assert.Equal(a.Clicked, b.Clicked);
            Assert.NotEqual(MemoryMarshal.AsBytes(a.Scene.Pixels).ToArray(), MemoryMarshal.AsBytes(b.Scene.Pixels).ToArray());
        }
    }
}
