using System.Net;
using ReceiptGuard.Host.Ui;

namespace ReceiptGuard.Host.Tests;

/// <summary>The settings page (/settings): served like every other page, labelled forms, and linked from every page.</summary>
public sealed class SettingsUiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly string[] SecurityHeaders = ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Cache-Control"];

    [Fact]
    public async Task The_settings_page_is_served_with_the_same_security_headers_as_the_other_pages()
    {
        using var client = fixture.Host.CreateClient();
        var settings = await client.GetAsync("/settings");
        var list = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.Equal("text/html", settings.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-page=\"settings\"", await settings.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var header in SecurityHeaders)
        {
            Assert.Equal(list.Headers.GetValues(header).Single(), settings.Headers.GetValues(header).Single());
        }

        Assert.Equal(UiEndpoints.UiPolicy, settings.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", settings.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_settings_page_has_every_section_with_labelled_fields_errors_and_a_confirmation_dialog()
    {
        using var client = fixture.Host.CreateClient();
        var html = await client.GetStringAsync("/settings");

        foreach (var section in new[] { "data-section", "pairing-section", "key-section", "tsa-section", "retention-section", "capture-section" })
        {
            Assert.Contains($"<section class=\"panel\" id=\"{section}\" aria-labelledby=", html, StringComparison.Ordinal);
        }

        foreach (var id in new[] { "data-folder", "key-fingerprint", "key-copy", "key-pem", "tsa-form", "retention-form", "capture-form" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        // Every field has a label, and its errors are announced.
        foreach (var field in new[] { "tsa-url", "retention-days", "capture-resource", "capture-total" })
        {
            Assert.Contains($"<label for=\"{field}\"", html, StringComparison.Ordinal);
        }

        foreach (var error in new[] { "tsa-error", "retention-error", "capture-resource-error", "capture-total-error", "capture-error" })
        {
            Assert.Contains($"id=\"{error}\" role=\"alert\"", html, StringComparison.Ordinal);
        }

        foreach (var saved in new[] { "tsa-status", "retention-status", "capture-status", "retention-preview" })
        {
            Assert.Contains($"id=\"{saved}\" role=\"status\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<legend", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"radio\" name=\"retention\" id=\"retention-forever\"", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\" id=\"capture-screenshots\"", html, StringComparison.Ordinal);
        Assert.Contains("<dialog id=\"retention-dialog\"", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"dialog\">", html, StringComparison.Ordinal);
        // Pairing: a button for a one-time code, and the list of paired extensions.
        Assert.Contains("<button type=\"button\" id=\"pair-button\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"paired-clients\"", html, StringComparison.Ordinal);
        Assert.Contains("web pages you visit cannot read or change your evidence", html, StringComparison.Ordinal);
        Assert.Contains("Snapshots with a note are never deleted", html, StringComparison.Ordinal);
        Assert.Contains("--data DIR", html, StringComparison.Ordinal);
        Assert.Contains("RECEIPTGUARD_DATA", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/snapshots/0b9f3c7e-5d1a-4f7b-9a51-3f2a8e6c1d20")]
    [InlineData("/orders")]
    [InlineData("/orders/3287654321012345678")]
    [InlineData("/guide")]
    [InlineData("/report?order=3287654321012345678")]
    [InlineData("/settings")]
    public async Task Every_page_links_to_the_settings_in_its_top_navigation(string path)
    {
        using var client = fixture.Host.CreateClient();
        var html = await client.GetStringAsync(path);

        var nav = html[html.IndexOf("<nav class=\"top-nav\" id=\"top-nav\"", StringComparison.Ordinal)..];
        nav = nav[..nav.IndexOf("</nav>", StringComparison.Ordinal)];
        Assert.Contains("<a href=\"/settings\" data-i18n=\"navSettings\">Settings</a>", nav, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ui_script_reads_and_saves_the_settings_in_both_languages()
    {
        using var client = fixture.Host.CreateClient();
        var script = await client.GetStringAsync("/assets/app.js");

        foreach (var used in new[] { "/api/evidence/data-folder", "/api/evidence/retention", "/api/evidence/retention/preview?days=", "/api/settings", "/api/evidence/settings", "/api/evidence/key", "showModal" })
        {
            Assert.Contains(used, script, StringComparison.Ordinal);
        }

        Assert.Contains("/api/pairing/codes", script, StringComparison.Ordinal);
        Assert.Contains("Pair an extension", script, StringComparison.Ordinal);
        Assert.Contains("配对扩展", script, StringComparison.Ordinal);
        Assert.Contains("有备注的快照永远不会被此规则删除", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
    }
}
