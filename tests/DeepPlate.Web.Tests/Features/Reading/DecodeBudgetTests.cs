using System.Net;
using DeepPlate.Web.Features.Reading;
using DeepPlate.Web.Hosting;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace DeepPlate.Web.Tests.Features.Reading;

/// <summary>The decoded pixels in memory at once are capped: large pictures wait their turn, small ones pass.</summary>
public sealed class DecodeBudgetTests
{
    private static DecodeBudget Budget(int megapixels = 64) => new(Options.Create(new WebLimits { DecodeMegapixels = megapixels }));

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        bitmap.Erase(SKColors.Gray);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Fact]
    public void A_picture_costs_its_header_s_megapixels()
    {
        Assert.Equal(10, DecodeBudget.Cost(Png(5000, 2000)));
        Assert.Equal(1, DecodeBudget.Cost(Png(30, 10)));
        // Unreadable: the largest accepted picture (decoding will refuse it with its reason).
        Assert.Equal(50, DecodeBudget.Cost("not a picture"u8));
    }

    [Fact]
    public async Task A_second_large_picture_waits_for_the_first_while_small_ones_pass()
    {
        var budget = Budget();
        Assert.Equal(64, budget.Capacity);
        var first = await budget.TakeAsync(49, CancellationToken.None);
        var second = budget.TakeAsync(49, CancellationToken.None);
        await Task.Delay(200);
        Assert.False(second.IsCompleted, "two 49-megapixel pictures decoded at once");
        await using (await budget.TakeAsync(1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)))
        {
            Assert.Equal(50, budget.InFlight);
        }
        await first.DisposeAsync();
        await using (await second.WaitAsync(TimeSpan.FromSeconds(5)))
        {
            Assert.Equal(49, budget.InFlight);
        }
        Assert.Equal(0, budget.InFlight);
    }

    [Fact]
    public async Task A_read_given_up_while_waiting_gives_back_what_it_had_taken()
    {
        var budget = Budget();
        var held = await budget.TakeAsync(40, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => budget.TakeAsync(49, cancel.Token));
        await held.DisposeAsync();
        // All 64 are free again: the cancelled read's partial permits were returned.
        await using (await budget.TakeAsync(64, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)))
        {
            Assert.Equal(64, budget.InFlight);
        }
    }

    [Fact]
    public void The_budget_is_never_smaller_than_the_largest_accepted_picture() => Assert.Equal(50, Budget(1).Capacity);

    [Fact]
    public async Task A_read_of_a_large_picture_gives_its_megapixels_back_once_answered()
    {
        using var app = ReaderApp.Default();
        using var client = app.CreateClient();
        var response = await client.PostAsync("/api/read", Plates.Form(Png(4000, 3000), null, "de"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var budget = app.Get<DecodeBudget>();
        for (var i = 0; i < 50 && budget.InFlight != 0; i++) await Task.Delay(20);
        Assert.Equal(0, budget.InFlight);
    }
}
