using System.Net;

namespace ReceiptGuard.Host.Tests;

/// <summary>The review UI's pages show the extension's mark as their tab icon, served by the host itself.</summary>
public sealed class FaviconTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_icon_is_served_locally_as_svg()
    {
        using var client = fixture.Host.CreateClient();
        var response = await client.GetAsync("/assets/icon.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/snapshots/0b9f3c7e-5d1a-4f7b-9a51-3f2a8e6c1d20")]
    [InlineData("/orders")]
    [InlineData("/orders/3287654321012345678")]
    [InlineData("/guide")]
    [InlineData("/report")]
    [InlineData("/settings")]
    [InlineData("/stats")]
    public async Task Every_page_links_it(string path)
    {
        using var client = fixture.Host.CreateClient();
        var html = await client.GetStringAsync(path);

        Assert.Contains("<link rel=\"icon\" href=\"/assets/icon.svg\" type=\"image/svg+xml\">", html, StringComparison.Ordinal);
    }
}
