using System.Text.Json;
using AngleSharp.Dom;
using ReceiptGuard.Host.Parsing.Text;

namespace ReceiptGuard.Host.Parsing.Generic;

/// <summary>
/// Orders a page describes in schema.org terms, for machines: JSON-LD (<c>Order</c>, or a <c>ParcelDelivery</c> with its
/// <c>partOfOrder</c>) and microdata (<c>itemtype=".../Order"</c>). Every value is <see cref="FieldSource.Embedded"/>.
/// </summary>
public static class StructuredOrderReader
{
    private const int MaxDepth = 16;

    public static IReadOnlyList<ParsedOrder> Read(PageInput page, List<string> notes)
    {
        var orders = new List<ParsedOrder>();
        foreach (var script in page.Embedded.Where(s => s.Type.Contains("ld+json", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                using var json = JsonDocument.Parse(script.Text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                Collect(json.RootElement, null, orders, 0);
            }
            catch (JsonException exception)
            {
                notes.Add($"a JSON-LD block is not valid JSON: {exception.Message}");
            }
        }

        foreach (var scope in page.Document.SelectAll("[itemscope][itemtype]").Where(e => IsType(e.GetAttribute("itemtype"), "Order")))
        {
            if (Microdata(scope) is { } order)
            {
                orders.Add(order);
            }
        }

        return orders;
    }

    private static void Collect(JsonElement element, ParsedLogistics? delivery, List<ParsedOrder> orders, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, delivery, orders, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("@graph", out var graph))
        {
            Collect(graph, delivery, orders, depth + 1);
        }

        var type = String(element, "@type");
        if (IsType(type, "ParcelDelivery") && element.TryGetProperty("partOfOrder", out var partOf))
        {
            var logistics = new ParsedLogistics(
                Embedded(Name(element, "provider") ?? Name(element, "carrier")),
                Embedded(String(element, "trackingNumber")),
                null, null, []);
            Collect(partOf, logistics, orders, depth + 1);
        }
        else if (IsType(type, "Order") && Embedded(String(element, "orderNumber")) is { } id)
        {
            var offers = element.TryGetProperty("acceptedOffer", out var accepted) ? Many(accepted) : [];
            var ordered = element.TryGetProperty("orderedItem", out var orderedItem) ? Many(orderedItem) : [];
            var items = offers.Select(o => Name(o, "itemOffered"))
                .Concat(ordered.Select(o => Name(o, "orderedItem") ?? String(o, "name")))
                .Where(n => n is not null)
                .Select(n => new ParsedItem(Embedded(n), null, null, null, null))
                .ToArray();
            var price = Decimal(element, "price") ?? Decimal(element, "totalPaymentDue");
            var status = String(element, "orderStatus");
            orders.Add(new ParsedOrder(
                id, Embedded(Name(element, "seller")), null, items,
                price is null ? null : new Sourced<decimal>(price.Value, FieldSource.Embedded),
                String(element, "priceCurrency") ?? (element.TryGetProperty("totalPaymentDue", out var due) ? String(due, "priceCurrency") : null),
                Embedded(String(element, "orderDate")),
                Embedded(status), SchemaStatus(status), delivery, null, OrderFlags.None, []));
        }
    }

    private static ParsedOrder? Microdata(IElement scope)
    {
        // Properties of nested item scopes belong to those items, not to the order.
        IElement? Prop(string name) => scope.SelectAll($"[itemprop~={name}]").FirstOrDefault(e => e.ParentElement?.ClosestMatch("[itemscope]") == scope || e.ParentElement == scope);
        string? Value(IElement? e) => e is null ? null : (e.GetAttribute("content") ?? e.GetAttribute("href") ?? e.GetAttribute("datetime") ?? VisibleText.Squash(e.AllText()));

        if (Embedded(Value(Prop("orderNumber"))) is not { } id)
        {
            return null;
        }

        var seller = Prop("seller") is { } sellerScope ? Value(sellerScope.SelectFirst("[itemprop~=name]")) ?? Value(sellerScope) : null;
        var price = Amounts.Parse(Value(Prop("price")));
        var status = Value(Prop("orderStatus"));
        var items = scope.SelectAll("[itemprop~=orderedItem] [itemprop~=name], [itemprop~=itemOffered] [itemprop~=name]")
            .Select(e => new ParsedItem(Embedded(Value(e)), null, null, null, null))
            .ToArray();
        return new ParsedOrder(id, Embedded(seller), null, items,
            price is null ? null : new Sourced<decimal>(price.Value, FieldSource.Embedded),
            Value(Prop("priceCurrency")) ?? price?.Currency, Embedded(Value(Prop("orderDate"))), Embedded(status), SchemaStatus(status), null, null, OrderFlags.None, []);
    }

    /// <summary>schema.org's OrderStatus values (OrderInTransit …), else the page's own words.</summary>
    private static OrderStatus SchemaStatus(string? status)
    {
        var name = status?.Split('/').Last();
        return name switch
        {
            "OrderPaymentDue" => OrderStatus.AwaitingPayment,
            "OrderProcessing" => OrderStatus.AwaitingShipment,
            "OrderInTransit" or "OrderPickupAvailable" => OrderStatus.Shipped,
            "OrderDelivered" => OrderStatus.Delivered,
            "OrderCancelled" => OrderStatus.Closed,
            "OrderReturned" => OrderStatus.Refunding,
            _ => StatusText.Normalize(status),
        };
    }

    private static bool IsType(string? type, string name) =>
        type is not null && (type == name || type.EndsWith("/" + name, StringComparison.Ordinal) || type.EndsWith(":" + name, StringComparison.Ordinal));

    private static JsonElement[] Many(JsonElement element) => element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().ToArray() : [element];

    private static Sourced<string>? Embedded(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Sourced<string>(value.Trim(), FieldSource.Embedded);

    private static string? String(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : null).FirstOrDefault(v => v is not null),
            _ => null,
        };
    }

    /// <summary>A property that is a name or a thing with a name (seller: "Shop" or {"@type":"Organization","name":"Shop"}).</summary>
    private static string? Name(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.Object ? String(value, "name") : String(element, name)
            : null;

    private static decimal? Decimal(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            JsonValueKind.String => Amounts.Parse(value.GetString())?.Value,
            JsonValueKind.Object => Decimal(value, "price"),
            _ => null,
        };
    }
}
