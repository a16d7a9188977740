using System.Net;
using ReceiptGuard.Host.Ui;

namespace ReceiptGuard.Host.Tests;

public sealed class OrdersUiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("/orders", "data-page=\"orders\"")]
    [InlineData("/orders?q=%E8%80%B3%E6%9C%BA&status=shipped", "data-page=\"orders\"")]
    [InlineData("/orders/3312345678901234567", "data-page=\"order\"")]
    public async Task The_orders_pages_are_served_with_the_strict_policy_and_no_inline_script(string path, string marker)
    {
        using var client = fixture.Host.CreateClient();
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(marker, html, StringComparison.Ordinal);
        Assert.Equal(UiEndpoints.UiPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(" on[a-z]+=", html);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"top-nav\" id=\"top-nav\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/orders\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_orders_list_has_a_labelled_search_and_labelled_filters_and_paging()
    {
        using var client = fixture.Host.CreateClient();
        var html = await client.GetStringAsync("/orders");

        Assert.Contains("<form id=\"orders-form\" class=\"filters\" role=\"search\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"search\" id=\"orders-q\" name=\"q\"", html, StringComparison.Ordinal);
        foreach (var (id, control) in new[] { ("orders-q", "input"), ("orders-platform", "select"), ("orders-decision", "select"), ("orders-status", "select"), ("orders-from", "input"), ("orders-to", "input") })
        {
            Assert.Contains($"<label for=\"{id}\"", html, StringComparison.Ordinal);
            Assert.Matches($"<{control} [^>]*id=\"{id}\"", html);
        }

        Assert.Contains("type=\"date\" id=\"orders-from\"", html, StringComparison.Ordinal);
        foreach (var value in new[] { "confirmed", "cancelled", "none", "shipped", "delivered", "taobao", "jd" })
        {
            Assert.Contains($"<option value=\"{value}\"", html, StringComparison.Ordinal);
        }

        foreach (var id in new[] { "orders", "orders-empty", "orders-count", "orders-newer", "orders-older", "orders-clear", "live" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_order_page_has_places_for_the_summary_next_steps_parsed_fields_and_timeline()
    {
        using var client = fixture.Host.CreateClient();
        var html = await client.GetStringAsync("/orders/3312345678901234567");

        foreach (var id in new[] { "order-title", "order-summary", "order-next", "order-fields", "order-fields-hint", "timeline", "error", "live" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<ol class=\"timeline\" id=\"timeline\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/orders\" data-i18n=\"orderBack\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snapshots_list_stays_at_the_root_with_a_prominent_link_to_the_orders_and_the_snapshot_page_has_the_nav()
    {
        using var client = fixture.Host.CreateClient();
        var index = await client.GetStringAsync("/");
        var snapshot = await client.GetStringAsync("/snapshots/0b9f3c7e-5d1a-4f7b-9a51-3f2a8e6c1d20");

        Assert.Contains("data-page=\"snapshots\"", index, StringComparison.Ordinal);
        Assert.Contains("id=\"orders-link\" href=\"/orders\"", index, StringComparison.Ordinal);
        Assert.Contains("id=\"top-nav\"", index, StringComparison.Ordinal);
        Assert.Contains("id=\"top-nav\"", snapshot, StringComparison.Ordinal);
        Assert.Contains("id=\"search-q\"", index, StringComparison.Ordinal);
        Assert.Contains("id=\"screenshot\"", snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ui_script_reads_the_orders_api_links_the_next_steps_and_speaks_both_languages()
    {
        using var client = fixture.Host.CreateClient();
        var script = await client.GetStringAsync("/assets/app.js");

        foreach (var text in new[] { "/api/orders", "/report?", "/guide?", "Status changed: {from} → {to}", "状态变化：{from} → {to}", "Search orders", "搜索订单", "What to do now", "现在该做什么" })
        {
            Assert.Contains(text, script, StringComparison.Ordinal);
        }
    }
}
