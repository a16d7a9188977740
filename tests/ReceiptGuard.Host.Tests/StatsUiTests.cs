using System.Net;
using ReceiptGuard.Host.Ui;

namespace ReceiptGuard.Host.Tests;

public sealed class StatsUiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_stats_page_is_served_with_the_strict_policy_and_the_same_headers_as_the_other_pages()
    {
        using var client = fixture.Host.CreateClient();
        var response = await client.GetAsync("/stats");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-page=\"stats\"", html, StringComparison.Ordinal);
        Assert.Equal(UiEndpoints.UiPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(" on[a-z]+=", html);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"top-nav\" id=\"top-nav\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stats_page_has_places_for_the_totals_the_chart_its_table_and_the_platforms_and_an_empty_state()
    {
        using var client = fixture.Host.CreateClient();
        var html = await client.GetStringAsync("/stats");

        foreach (var id in new[] { "stats-empty", "stats-content", "stats-held", "stats-confirmed", "stats-cancelled", "stats-other", "stats-manual", "stats-chart", "stats-months", "stats-platforms", "error", "live" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        // The chart's numbers are in a real table too, with a caption and column headers.
        Assert.Matches("<table [^>]*id=\"stats-months\">\\s*<caption", html);
        Assert.Matches("<table [^>]*id=\"stats-platforms\">\\s*<caption", html);
        Assert.Contains("<th scope=\"col\" data-i18n=\"statsColMonth\">", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" data-i18n=\"statsColPlatform\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/snapshots/0b9f3c7e-5d1a-4f7b-9a51-3f2a8e6c1d20")]
    [InlineData("/orders")]
    [InlineData("/orders/3312345678901234567")]
    [InlineData("/guide")]
    [InlineData("/report?order=3312345678901234567")]
    [InlineData("/stats")]
    public async Task Every_page_links_the_stats_page_from_its_top_navigation(string path)
    {
        using var client = fixture.Host.CreateClient();
        var html = await client.GetStringAsync(path);

        Assert.Matches("<nav class=\"top-nav\" id=\"top-nav\"[^>]*>[^\n]*<a href=\"/stats\" data-i18n=\"navStats\">Stats</a>[^\n]*</nav>", html);
    }

    [Fact]
    public async Task The_ui_script_reads_the_stats_api_follows_the_hub_and_speaks_both_languages()
    {
        using var client = fixture.Host.CreateClient();
        var script = await client.GetStringAsync("/assets/app.js");
        var styles = await client.GetStringAsync("/assets/app.css");

        foreach (var text in new[] { "/api/stats", "SnapshotDeleted", "Held clicks per month: confirmed and cancelled", "每月拦下的点击：确认与取消", "Nothing to count yet", "还没有可统计的内容", "http://www.w3.org/2000/svg" })
        {
            Assert.Contains(text, script, StringComparison.Ordinal);
        }

        Assert.Contains(".stats-chart .bar-confirmed", styles, StringComparison.Ordinal);
    }
}
