using System.Net;
using System.Text.Json;
using DeepPlate.Web.Features.Reading;
using DeepPlate.Web.Tests.Access;
using SkiaSharp;

namespace DeepPlate.Web.Tests.Features.Reading;

/// <summary>Input the reader cannot use: a clear 400 in plain words, and not one use of the licence spent.</summary>
public sealed class RefusedInputTests(ReaderAppFixture fixture) : IClassFixture<ReaderAppFixture>
{
    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Gray);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Fact]
    public async Task A_truncated_multipart_body_is_400_in_plain_words_and_costs_nothing()
    {
        using var client = fixture.App.CreateClient();
        var before = await Spent();
        var (png, corners) = Plates.Scene();
        using var form = Plates.Form(png, Plates.Text(corners), "de");
        var whole = await form.ReadAsByteArrayAsync();
        // The body ends in the middle of the picture: no closing boundary, the rest never sent.
        var cut = new ByteArrayContent(whole[..(whole.Length * 2 / 3)]);
        cut.Headers.ContentType = form.Headers.ContentType;
        var response = await client.PostAsync("/api/read", cut);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Contains("cut short", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
        Assert.Equal(before, await Spent());
    }

    [Theory]
    [InlineData(1, 1, null)]
    [InlineData(23, 40, null)]
    [InlineData(200, 7, null)]
    [InlineData(200, 100, "10,10 12,10 12,11 10,11")] // a 2 x 1 pixel quad
    [InlineData(200, 100, "10,10 40,10 40,17 10,17")] // 30 x 7
    [InlineData(200, 100, "10,10 30,10 30,30 10,30")] // 20 x 20
    public async Task A_plate_too_small_to_read_is_refused_before_a_use_is_spent(int width, int height, string? corners)
    {
        using var client = fixture.App.CreateClient();
        var before = await Spent();
        var response = await client.PostAsync("/api/read", Plates.Form(Png(width, height), corners, "de"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!;
        Assert.Contains("too small to read", error);
        Assert.Contains($"at least {PlateSize.MinWidth} pixels wide and {PlateSize.MinHeight} high", error);
        Assert.Equal(before, await Spent());
    }

    [Theory]
    [InlineData(24, 8, null)]
    [InlineData(200, 100, "10,10 34,10 34,18 10,18")] // exactly 24 x 8
    public async Task A_plate_of_the_smallest_size_is_read(int width, int height, string? corners)
    {
        using var client = fixture.App.CreateClient();
        var before = await Spent();
        var response = await client.PostAsync("/api/read", Plates.Form(Png(width, height), corners, "de"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await Spent());
    }

    /// <summary>The uses of the test reader's licence spent this month.</summary>
    private async Task<long> Spent()
    {
        var reader = (await fixture.App.Get<DeepPlate.Web.Access.AccessAdmin>().UsersAsync()).Single(u => u.UserName == ReaderApp.ReaderName);
        return await AccessSession.Used(fixture.App, long.Parse(ReaderApp.ReaderLicence, System.Globalization.CultureInfo.InvariantCulture), reader.Id);
    }
}
