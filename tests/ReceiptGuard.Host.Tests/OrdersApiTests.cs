using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReceiptGuard.Host.Parsing;
using ReceiptGuard.Host.Parsing.Ingest;

namespace ReceiptGuard.Host.Tests;

/// <summary>
/// GET /api/orders and /api/orders/{id}: snapshots are posted with the background parser left out, and parse results are
/// stored as a platform parser would return them, so each test controls exactly what every snapshot said.
/// </summary>
public sealed class OrdersApiTests
{
    private static HostFactory WithoutParsing() => new(TempDirectory.Create("orders"))
    {
        TestServices = services => services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ParseWorker))),
    };

    private static async Task<Guid> PostAsync(HttpClient client, string capturedAt, string? orderHint, string site = "taobao", string decision = "confirmed", string capture = "guard", string title = "订单详情")
    {
        var snapshot = Fixtures.NewSnapshot(s =>
        {
            s["capturedAt"] = capturedAt;
            s["orderHint"] = orderHint;
            s["site"] = site;
            s["decision"] = capture == "manual" ? "none" : decision;
            s["capture"] = capture;
            s["title"] = title;
        });
        var response = await client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return Guid.Parse(snapshot["id"]!.GetValue<string>());
    }

    private static ParsedOrder Order(string id, OrderStatus status, string statusText, decimal? total = null, string? shop = "某某旗舰店", string? item = null) => new(
        new Sourced<string>(id, FieldSource.Embedded), shop is null ? null : new Sourced<string>(shop, FieldSource.Selector), null,
        item is null ? [] : [new ParsedItem(new Sourced<string>(item, FieldSource.Embedded), null, null, null, null)],
        total is { } amount ? new Sourced<decimal>(amount, FieldSource.Label) : null, total is null ? null : "CNY",
        null, new Sourced<string>(statusText, FieldSource.Selector), status, null, null, OrderFlags.None, []) { IsSubject = true };

    private static Task SaveAsync(HostFactory host, Guid snapshot, params ParsedOrder[] orders) =>
        host.Services.GetRequiredService<ParseResultStore>().SaveAsync(snapshot, new ParsedPage("taobao", PageKind.Detail, orders, "test/1", []));

    private static async Task<JsonObject> ListAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/orders" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static string[] Ids(JsonObject page) => page["items"]!.AsArray().Select(i => i!["orderId"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task One_row_per_order_across_its_snapshots_with_the_latest_values_and_newest_activity_first()
    {
        using var host = WithoutParsing();
        using var client = host.CreateClient();
        var first = await PostAsync(client, "2026-11-20T08:00:00.000Z", "111", decision: "cancelled");
        var second = await PostAsync(client, "2026-11-24T08:00:00.000Z", "111", decision: "confirmed");
        var manual = await PostAsync(client, "2026-11-25T08:00:00.000Z", null, capture: "manual");
        await SaveAsync(host, first, Order("111", OrderStatus.Shipped, "运输中", 119.50m, item: "保温杯"));
        await SaveAsync(host, second, Order("111", OrderStatus.Delivered, "已签收", item: "保温杯 500ml"));
        // A list page captured by hand that also shows order 111, and order 222 only.
        await SaveAsync(host, manual, Order("222", OrderStatus.AwaitingShipment, "等待卖家发货", 5m, shop: "小店") with { IsSubject = false },
            Order("111", OrderStatus.Delivered, "已签收") with { IsSubject = false });
        // An order the extension named whose page is not parsed yet.
        await PostAsync(client, "2026-11-22T08:00:00.000Z", "333", site: "jd", decision: "cancelled");

        var page = await ListAsync(client);

        Assert.Equal(3, page["total"]!.GetValue<int>());
        Assert.Equal(50, page["limit"]!.GetValue<int>());
        Assert.Equal(["111", "222", "333"], Ids(page));
        var order = page["items"]![0]!;
        Assert.Equal("taobao", order["platform"]!.GetValue<string>());
        Assert.Equal("某某旗舰店", order["shop"]!.GetValue<string>());
        Assert.Equal(["保温杯 500ml"], order["items"]!.AsArray().Select(i => i!.GetValue<string>()));
        // The newest snapshot that read an amount: the first one.
        Assert.Equal("119.50", order["total"]!.GetValue<string>());
        Assert.Equal("CNY", order["currency"]!.GetValue<string>());
        Assert.Equal("delivered", order["status"]!.GetValue<string>());
        // The manual capture is newest, but the last decision is the last guarded click's.
        Assert.Equal("confirmed", order["lastDecision"]!.GetValue<string>());
        Assert.Equal(3, order["snapshotCount"]!.GetValue<int>());
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), order["firstCapturedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), order["lastCapturedAt"]!.GetValue<DateTimeOffset>());

        var onlyManual = page["items"]![1]!;
        Assert.Equal("none", onlyManual["lastDecision"]!.GetValue<string>());
        Assert.Equal("awaitingShipment", onlyManual["status"]!.GetValue<string>());
        var unparsed = page["items"]![2]!;
        Assert.Equal("jd", unparsed["platform"]!.GetValue<string>());
        Assert.Null(unparsed["status"]);
        Assert.Null(unparsed["shop"]);
        Assert.Equal("cancelled", unparsed["lastDecision"]!.GetValue<string>());
        Assert.Equal(1, unparsed["snapshotCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Filters_search_and_paging_narrow_the_rows()
    {
        using var host = WithoutParsing();
        using var client = host.CreateClient();
        var a = await PostAsync(client, "2026-11-20T08:00:00.000Z", "3312345678901234567", decision: "confirmed", title: "已买到的宝贝");
        var b = await PostAsync(client, "2026-11-23T23:30:00.000Z", "5550001", site: "jd", decision: "cancelled", title: "京东订单");
        await PostAsync(client, "2026-11-26T08:00:00.000Z", "7770002", site: "pinduoduo", decision: "cancelled", title: "拼多多");
        await SaveAsync(host, a, Order("3312345678901234567", OrderStatus.Shipped, "卖家已发货", item: "蓝牙耳机 降噪版"));
        await SaveAsync(host, b, Order("5550001", OrderStatus.Delivered, "已签收", item: "电饭煲"));

        Assert.Equal(["5550001"], Ids(await ListAsync(client, "?platform=jd")));
        Assert.Equal(["7770002", "5550001"], Ids(await ListAsync(client, "?decision=cancelled")));
        Assert.Equal(["3312345678901234567"], Ids(await ListAsync(client, "?status=shipped")));
        Assert.Empty(Ids(await ListAsync(client, "?decision=none")));
        // Dates: a date-only "to" includes its whole day; a time with an offset is exact.
        Assert.Equal(["5550001"], Ids(await ListAsync(client, "?from=2026-11-21&to=2026-11-23")));
        Assert.Equal(["7770002"], Ids(await ListAsync(client, "?from=2026-11-24T08:00:00%2B08:00")));
        // Full-text: an item title (two-character and longer words) and the page title; and an order id prefix.
        Assert.Equal(["3312345678901234567"], Ids(await ListAsync(client, "?q=" + Uri.EscapeDataString("耳机"))));
        Assert.Equal(["5550001"], Ids(await ListAsync(client, "?q=" + Uri.EscapeDataString("电饭煲"))));
        Assert.Equal(["7770002"], Ids(await ListAsync(client, "?q=777")));
        Assert.Equal(["5550001"], Ids(await ListAsync(client, "?q=" + Uri.EscapeDataString("电饭煲") + "&platform=jd&decision=cancelled")));
        Assert.Empty(Ids(await ListAsync(client, "?q=" + Uri.EscapeDataString("电饭煲") + "&platform=taobao")));

        var paged = await ListAsync(client, "?limit=2&offset=1");
        Assert.Equal(3, paged["total"]!.GetValue<int>());
        Assert.Equal(["5550001", "3312345678901234567"], Ids(paged));
        var past = await ListAsync(client, "?limit=2&offset=10");
        Assert.Equal(3, past["total"]!.GetValue<int>());
        Assert.Empty(Ids(past));
    }

    [Theory]
    [InlineData("?decision=maybe", "decision")]
    [InlineData("?status=lost", "status")]
    [InlineData("?platform=%3Cscript%3E", "platform")]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?to=2026-11-26T08:00:00", "to")]
    [InlineData("?from=2026-11-26&to=2026-11-20", "to")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?offset=-1", "offset")]
    public async Task A_bad_filter_is_a_problem_naming_the_field(string query, string field)
    {
        using var host = WithoutParsing();
        using var client = host.CreateClient();

        var response = await client.GetAsync("/api/orders" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task The_detail_has_the_newest_parsed_fields_with_sources_and_a_timeline_marking_status_changes()
    {
        using var host = WithoutParsing();
        using var client = host.CreateClient();
        var shipped = await PostAsync(client, "2026-11-20T08:00:00.000Z", "111", decision: "cancelled");
        var unparsed = await PostAsync(client, "2026-11-21T08:00:00.000Z", "111", decision: "cancelled");
        var stillShipped = await PostAsync(client, "2026-11-22T08:00:00.000Z", "111", decision: "cancelled");
        var delivered = await PostAsync(client, "2026-11-24T08:00:00.000Z", "111", decision: "confirmed");
        await SaveAsync(host, shipped, Order("111", OrderStatus.Shipped, "运输中", 119.50m));
        await SaveAsync(host, stillShipped, Order("111", OrderStatus.Shipped, "运输中", 119.50m));
        await SaveAsync(host, delivered, Order("111", OrderStatus.Delivered, "已签收", 119.50m, item: "保温杯"));

        var detail = (await client.GetFromJsonAsync<JsonObject>("/api/orders/111"))!;

        Assert.Equal("111", detail["orderId"]!.GetValue<string>());
        Assert.Equal("delivered", detail["status"]!.GetValue<string>());
        Assert.Equal("confirmed", detail["lastDecision"]!.GetValue<string>());
        Assert.Equal(4, detail["snapshotCount"]!.GetValue<int>());
        var parsed = detail["parsed"]!;
        Assert.Equal(delivered, parsed["snapshotId"]!.GetValue<Guid>());
        Assert.Equal("已签收", parsed["order"]!["statusText"]!["value"]!.GetValue<string>());
        Assert.Equal("label", parsed["order"]!["totalPaid"]!["source"]!.GetValue<string>());
        Assert.Equal("embedded", parsed["order"]!["items"]![0]!["title"]!["source"]!.GetValue<string>());

        var timeline = detail["timeline"]!.AsArray();
        Assert.Equal([shipped, unparsed, stillShipped, delivered], timeline.Select(e => e!["snapshotId"]!.GetValue<Guid>()));
        Assert.Equal(["运输中", null, "运输中", "已签收"], timeline.Select(e => e!["statusText"]?.GetValue<string>()));
        Assert.Equal(["shipped", null, "shipped", "delivered"], timeline.Select(e => e!["status"]?.GetValue<string>()));
        Assert.Equal([false, false, false, true], timeline.Select(e => e!["statusChanged"]!.GetValue<bool>()));
        Assert.Equal("shipped", timeline[3]!["previousStatus"]!.GetValue<string>());
        Assert.Equal("运输中", timeline[3]!["previousStatusText"]!.GetValue<string>());
        Assert.Equal(["cancelled", "cancelled", "cancelled", "confirmed"], timeline.Select(e => e!["decision"]!.GetValue<string>()));
        Assert.All(timeline, e =>
        {
            Assert.True(e!["hasScreenshot"]!.GetValue<bool>());
            Assert.Equal("guard", e["capture"]!.GetValue<string>());
            Assert.Matches("^[0-9a-f]{64}$", e["manifestSha256"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task An_order_seen_only_as_a_hint_has_a_timeline_and_no_parsed_fields_and_an_unknown_one_is_a_404()
    {
        using var host = WithoutParsing();
        using var client = host.CreateClient();
        var id = await PostAsync(client, "2026-11-20T08:00:00.000Z", "999");

        var detail = (await client.GetFromJsonAsync<JsonObject>("/api/orders/999"))!;
        Assert.Null(detail["parsed"]);
        Assert.Equal(id, detail["timeline"]![0]!["snapshotId"]!.GetValue<Guid>());

        var response = await client.GetAsync("/api/orders/nope");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No such order", (await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
    }
}
