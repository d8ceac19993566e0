using System.Net;
using System.Text.RegularExpressions;
using DeepPlate.Formats;

namespace DeepPlate.Web.Tests.Features.Templates;

public sealed partial class UploadPageTests(ReaderAppFixture fixture) : IClassFixture<ReaderAppFixture>
{
    [Fact]
    public async Task Page_offers_every_country_and_says_which_have_no_model()
    {
        using var client = fixture.App.CreateClient();
        var html = await client.GetStringAsync("/");
        foreach (var country in FormatRegistry.Default.Countries)
        {
            Assert.Contains($"<option value=\"{country.Code}\"", html);
        }
        Assert.Contains("data-has-model=\"true\">Germany</option>", html);
        Assert.Contains("France (no model yet)", html);
        // The page's script shows the state selector for the countries the server marks as having states.
        foreach (var country in FormatRegistry.Default.Countries)
        {
            Assert.Contains($"<option value=\"{country.Code}\" data-has-states=\"{(country.HasStates ? "true" : "false")}\"", html);
        }
    }

    [Fact]
    public async Task Every_country_but_the_us_lists_its_templates_each_with_a_picture_drawn_by_synth()
    {
        using var client = fixture.App.CreateClient();
        var html = await client.GetStringAsync("/");
        foreach (var country in FormatRegistry.Default.Countries.Where(c => !c.HasStates))
        {
            Assert.Contains($"<div class=\"country-templates\" data-country=\"{country.Code}\"", html);
            foreach (var t in country.Templates)
            {
                Assert.Contains($"src=\"/templates/{country.Code}/{t.Id}.png\"", html);
            }
        }
        // A few pictures, fetched: PNGs, a plate's shape (wider than tall), small.
        foreach (var url in new[] { "/templates/de/" + FormatRegistry.Default.Country("de").Templates[0].Id + ".png", "/templates/uk/" + FormatRegistry.Default.Country("uk").Templates[0].Id + ".png" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
            var png = await response.Content.ReadAsByteArrayAsync();
            using var bitmap = SkiaSharp.SKBitmap.Decode(png);
            Assert.True(bitmap.Width > bitmap.Height && bitmap.Width <= 240 && png.Length < 60_000, $"{url}: {bitmap.Width}x{bitmap.Height}, {png.Length} bytes");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/templates/de/no-such-template.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/templates/xx/a.png")).StatusCode);
    }

    [Fact]
    public async Task The_us_offers_a_state_selector_with_unknown_and_each_states_formats_to_pick()
    {
        using var client = fixture.App.CreateClient();
        var html = await client.GetStringAsync("/");
        var us = FormatRegistry.Default.Country("us");
        Assert.Matches(StateSelect(), html);
        foreach (var state in us.States)
        {
            Assert.Contains($"<option value=\"{state.Code}\">{WebUtility.HtmlEncode(state.Name)}</option>", html);
            Assert.Contains($"<fieldset class=\"state-formats\" data-state=\"{state.Code}\" hidden>", html);
            Assert.Contains($"<input type=\"radio\" name=\"format-{state.Code}\" value=\"\" checked> Unknown format", html);
            foreach (var t in state.Templates)
            {
                Assert.Contains($"name=\"format-{state.Code}\" value=\"{t.Id}\"", html);
                Assert.Contains($"src=\"/templates/us/{state.Code}/{t.Id}.png\"", html);
            }
        }
        var first = us.States[0];
        var picture = await client.GetAsync($"/templates/us/{first.Code}/{first.Templates[0].Id}.png");
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
    }

    [Fact]
    public async Task Page_has_no_inline_script_and_carries_an_antiforgery_token()
    {
        using var client = fixture.App.CreateClient();
        var html = await client.GetStringAsync("/");
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain(" style=\"", html);
        Assert.DoesNotContain("onclick", html);
        Assert.Matches(PageSession.TokenMeta(), html);
        foreach (var text in new[] { "Clear selection", "Select all", "Show results", "Generate PDF", "second opinion", "Right-click", "clockwise", "Your own reading" })
        {
            Assert.Contains(text, html);
        }
    }

    [GeneratedRegex("""<select id="state">\s*<option value="">Unknown</option>""")]
    private static partial Regex StateSelect();

    [GeneratedRegex("""<script(?![^>]*\bsrc=)[^>]*>""")]
    private static partial Regex InlineScript();
}
