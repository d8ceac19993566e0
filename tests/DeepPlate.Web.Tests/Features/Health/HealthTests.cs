using System.Net;
using System.Text.Json;

namespace DeepPlate.Web.Tests.Features.Health;

public sealed class HealthTests(ReaderAppFixture fixture) : IClassFixture<ReaderAppFixture>
{
    [Fact]
    public async Task Healthz_answers_200_with_the_loaded_german_model()
    {
        using var client = fixture.App.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ready", json.RootElement.GetProperty("status").GetString());
        Assert.Contains(json.RootElement.GetProperty("models").EnumerateArray(), m => m.GetString()!.StartsWith("de-", StringComparison.Ordinal));
    }

    [Fact]
    public void The_tests_speak_real_http_on_loopback()
    {
        Assert.Equal("127.0.0.1", fixture.App.Address.Host);
        Assert.NotEqual(0, fixture.App.Address.Port);
    }
}
