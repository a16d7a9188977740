using System.Net;
using System.Text;
using ReceiptGuard.Host.Ui;

namespace ReceiptGuard.Host.Tests;

public sealed class UiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("/", "data-page=\"snapshots\"")]
    [InlineData("/snapshots/0b9f3c7e-5d1a-4f7b-9a51-3f2a8e6c1d20", "data-page=\"snapshot\"")]
    [InlineData("/guide?platform=taobao", "data-page=\"guide\"")]
    [InlineData("/guide?order=3287654321012345678&platform=tmall", "data-page=\"guide\"")]
    [InlineData("/report?order=3287654321012345678", "data-page=\"report\"")]
    public async Task Pages_are_served_with_a_strict_policy(string path, string marker)
    {
        using var client = fixture.Host.CreateClient();
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_ui_script_and_styles_are_served_locally()
    {
        using var client = fixture.Host.CreateClient();
        var script = await client.GetAsync("/assets/app.js");
        var styles = await client.GetAsync("/assets/app.css");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("SnapshotStored", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, styles.StatusCode);

        var html = await client.GetStringAsync("/");
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snapshot_page_has_places_for_the_screenshot_and_the_capture_context_and_may_load_our_images()
    {
        using var client = fixture.Host.CreateClient();
        var response = await client.GetAsync("/snapshots/0b9f3c7e-5d1a-4f7b-9a51-3f2a8e6c1d20");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("id=\"screenshot\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"context\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"serializer\"", html, StringComparison.Ordinal);
        // No inline script: the page's only script is the bundle.
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Matches("img-src [^;]*'self'", policy);
        Assert.DoesNotMatch("script-src [^;]*(unsafe|data:|\\*)", policy);
    }

    [Fact]
    public async Task The_ui_script_reads_the_evidence_endpoints_in_both_languages()
    {
        using var client = fixture.Host.CreateClient();
        var script = await client.GetStringAsync("/assets/app.js");

        Assert.Contains("/screenshot", script, StringComparison.Ordinal);
        Assert.Contains("/embedded", script, StringComparison.Ordinal);
        Assert.Contains("Capture context", script, StringComparison.Ordinal);
        Assert.Contains("保存时的环境", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snapshot_page_shows_the_parsed_orders_in_both_languages_and_follows_SnapshotParsed()
    {
        using var client = fixture.Host.CreateClient();
        var html = await client.GetStringAsync("/snapshots/0b9f3c7e-5d1a-4f7b-9a51-3f2a8e6c1d20");
        var script = await client.GetStringAsync("/assets/app.js");

        Assert.Contains("id=\"parsed\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"parsed-status\"", html, StringComparison.Ordinal);
        Assert.Contains("/parsed", script, StringComparison.Ordinal);
        Assert.Contains("SnapshotParsed", script, StringComparison.Ordinal);
        Assert.Contains("Orders read from the page", script, StringComparison.Ordinal);
        Assert.Contains("从页面读取的订单", script, StringComparison.Ordinal);
        Assert.Contains("noopener noreferrer", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snapshot_page_has_the_evidence_record_notes_export_and_a_confirmed_delete()
    {
        using var client = fixture.Host.CreateClient();
        var response = await client.GetAsync("/snapshots/0b9f3c7e-5d1a-4f7b-9a51-3f2a8e6c1d20");
        var html = await response.Content.ReadAsStringAsync();

        foreach (var id in new[] { "evidence-section", "evidence", "custody", "notes", "note-form", "note-error", "exports", "delete", "delete-dialog", "deleted" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<label for=\"note-text\"", html, StringComparison.Ordinal);
        Assert.Contains("<textarea id=\"note-text\"", html, StringComparison.Ordinal);
        Assert.Contains("<dialog id=\"delete-dialog\"", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"dialog\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        // The viewer may frame this snapshot's stored page and nothing else, so a link inside it cannot load any other URL.
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"frame-src {client.BaseAddress!.GetLeftPart(UriPartial.Authority)}/api/snapshots/0b9f3c7e-5d1a-4f7b-9a51-3f2a8e6c1d20/html;", policy, StringComparison.Ordinal);
        Assert.Equal(UiEndpoints.UiPolicy.Replace("frame-src 'none'", "", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Replace(policy, "frame-src [^;]+", ""));
    }

    [Fact]
    public async Task The_list_page_has_a_labelled_search_and_the_evidence_store_panel_that_links_to_the_settings()
    {
        using var client = fixture.Host.CreateClient();
        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<form id=\"search-form\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"search-q\"", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"search\" id=\"search-q\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"search-clear\"", html, StringComparison.Ordinal);
        foreach (var id in new[] { "store", "key-fingerprint", "key-copy", "verify", "verify-status", "verify-problem" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        // The public key and the TSA address moved to /settings; the panel says where.
        Assert.Contains("<a href=\"/settings\" id=\"settings-link\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"tsa-form\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"verify-status\" role=\"status\"", html);
        Assert.Matches("id=\"verify-problem\" role=\"alert\"", html);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal(UiEndpoints.UiPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_ui_script_uses_the_evidence_api_follows_SnapshotDeleted_and_speaks_both_languages()
    {
        using var client = fixture.Host.CreateClient();
        var script = await client.GetStringAsync("/assets/app.js");

        foreach (var used in new[] { "/api/evidence/key", "/api/evidence/verify", "/api/evidence/settings", "/api/search?q=", "/api/export?", "/manifest", "/custody", "/notes", "SnapshotDeleted" })
        {
            Assert.Contains(used, script, StringComparison.Ordinal);
        }

        Assert.Contains("Evidence record", script, StringComparison.Ordinal);
        Assert.Contains("证据记录", script, StringComparison.Ordinal);
        Assert.Contains("Check the whole store", script, StringComparison.Ordinal);
        Assert.Contains("检查整个证据库", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_screenshot_the_page_shows_is_served_as_an_image_from_our_origin()
    {
        using var client = fixture.Host.CreateClient();
        var snapshot = Fixtures.NewSnapshot();
        (await client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var image = await client.GetAsync($"/api/snapshots/{snapshot["id"]}/screenshot");

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", image.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
    }

    [Fact]
    public async Task The_report_page_has_a_print_button_and_print_styles_without_nav_or_buttons()
    {
        using var client = fixture.Host.CreateClient();
        var response = await client.GetAsync("/report?order=3287654321012345678");
        var html = await response.Content.ReadAsStringAsync();
        var styles = await client.GetStringAsync("/assets/app.css");

        Assert.Contains("<button type=\"button\" id=\"print\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"report\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"guide-link\"", html, StringComparison.Ordinal);
        Assert.Contains("<header class=\"bar no-print\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal(UiEndpoints.UiPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("@media print", styles, StringComparison.Ordinal);
        Assert.Matches(@"@media print\s*\{[^@]*\.no-print[^}]*display:\s*none", styles);
        Assert.Matches(@"@media print\s*\{[^@]*break-before:\s*page", styles);
    }

    [Fact]
    public async Task The_guide_page_has_places_for_the_order_summary_and_errors()
    {
        using var client = fixture.Host.CreateClient();
        var html = await client.GetStringAsync("/guide?order=3287654321012345678");

        foreach (var id in new[] { "guide-title", "guide-summary", "guide-lead", "guide-steps", "error" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ui_script_carries_the_guide_and_report_with_sourced_platform_facts_in_both_languages()
    {
        using var client = fixture.Host.CreateClient();
        var script = await client.GetStringAsync("/assets/app.js");

        foreach (var used in new[] { "clipboard", "writeText", "/report?order=", "/guide?order=", "format=", "/api/evidence/key", "/custody", "window.print" })
        {
            Assert.Contains(used, script, StringComparison.Ordinal);
        }

        Assert.Contains("Message in Chinese", script, StringComparison.Ordinal);
        Assert.Contains("中文消息", script, StringComparison.Ordinal);
        Assert.Contains("Evidence report for order", script, StringComparison.Ordinal);
        Assert.Contains("的证据报告", script, StringComparison.Ordinal);
        Assert.Contains("2026-11-26", script, StringComparison.Ordinal);
        Assert.Contains("https://help.shopee.com.my/", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_s_snapshots_are_found_by_its_id_as_the_guide_and_report_look_them_up()
    {
        using var client = fixture.Host.CreateClient();
        var orderId = "RG" + Guid.NewGuid().ToString("N")[..12];
        var snapshot = Fixtures.NewSnapshot(s => s["orderHint"] = orderId);
        (await client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var found = await client.GetStringAsync($"/api/search?q={orderId}&limit=200");
        var custody = await client.GetAsync($"/api/snapshots/{snapshot["id"]}/custody");

        Assert.Contains(snapshot["id"]!.GetValue<string>(), found, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, custody.StatusCode);
        Assert.Contains("snapshot.stored", await custody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unchanged_asset_answers_304()
    {
        using var client = fixture.Host.CreateClient();
        var first = await client.GetAsync("/assets/app.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/assets/app.js");
        again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task A_missing_asset_is_a_404_problem()
    {
        using var client = fixture.Host.CreateClient();
        var response = await client.GetAsync("/assets/nope.js");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class HostFixture : IDisposable
{
    public HostFactory Host { get; } = new();

    public void Dispose() => Host.Dispose();
}
