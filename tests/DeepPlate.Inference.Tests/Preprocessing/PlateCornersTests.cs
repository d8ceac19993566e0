using System.Numerics;

namespace DeepPlate.Inference.Tests.Preprocessing;

public sealed class PlateCornersTests
{
    private static Vector2[] P(string text) => PlateCorners.Parse(text);

    private static string Refused(string corners, int width = 100, int height = 50) =>
        Assert.Throws<CornerException>(() => PlateCorners.Validate(P(corners), width, height)).Message;

    [Theory]
    [InlineData("10,10 90,12 88,40 12,38")]
    [InlineData("0,0 100,0 100,50 0,50")]
    [InlineData("-1,-1 101,0 100,51 0,50")]
    [InlineData("20,5 80,15 75,45 25,30")]
    public void PlateLikeCornersPass(string corners) => PlateCorners.Validate(P(corners), 100, 50);

    [Fact]
    public void WholeImageIsValid() => PlateCorners.Validate(PlateCorners.WholeImage(640, 480), 640, 480);

    [Fact]
    public void EachProblemHasItsOwnMessage()
    {
        Assert.Contains("corner 3 (120,40) is outside the 100 x 50 picture", Refused("10,10 90,10 120,40 10,40"));
        Assert.Contains("corner 1 (-2,10) is outside", Refused("-2,10 90,10 90,40 10,40"));
        Assert.Contains("corners 2 and 3 are the same point", Refused("10,10 90,10 90,10.2 10,40"));
        Assert.Contains("lie on one line", Refused("10,10 50,10 90,10 50,40"));
        Assert.Contains("lie on one line", Refused("10,10 30,20 50,30 70,40"));
        Assert.Contains("edges 2-3 and 4-1 cross", Refused("10,10 90,10 10,40 90,40"));
        Assert.Contains("edges 1-2 and 3-4 cross", Refused("10,10 90,40 90,10 10,40"));
        Assert.Contains("counter-clockwise", Refused("10,10 10,40 90,40 90,10"));
        Assert.Contains("corner 3 (30,20) points inwards", Refused("10,10 90,10 30,20 10,40"));
        Assert.Contains("not a finite point", Assert.Throws<CornerException>(() =>
            PlateCorners.Validate([new(float.NaN, 1), new(2, 1), new(2, 2), new(1, 2)], 10, 10)).Message);
        Assert.Contains("4 corners, not 3", Assert.Throws<CornerException>(() =>
            PlateCorners.Validate([new(1, 1), new(2, 1), new(2, 2)], 10, 10)).Message);
    }

    [Theory]
    [InlineData("1,2 3,4 5,6", "found 3")]
    [InlineData("1,2 3,4 5,6 7", "point 4 '7'")]
    [InlineData("1;2 3,4 5,6 7,8", "point 1")]
    [InlineData("1,2 3,4 5,6 7,8 9,10", "found 5")]
    [InlineData("1,5,2 3,4 5,6 7,8", "point 1")]
    public void MalformedCornerTextIsRefused(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<CornerException>(() => PlateCorners.Parse(text)).Message);

    [Fact]
    public void ParseAndFormatRoundTrip()
    {
        var corners = P("  10.5,20   30,40.25 30,60\t10,60 ");
        Assert.Equal(new Vector2(10.5f, 20), corners[0]);
        Assert.Equal("10.5,20 30,40.25 30,60 10,60", PlateCorners.Format(corners));
    }
}
