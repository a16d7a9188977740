using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using static ReceiptGuard.Host.Parsing.Platforms.Taobao.TaobaoJson;

namespace ReceiptGuard.Host.Parsing.Platforms.Taobao;

/// <summary>
/// Orders from the page's embedded data: the list's <c>mainOrders[]</c>, Taobao detail's <c>mainOrder</c> with
/// <c>orderInfo.lines</c> and <c>deliveryInfo</c>, and Tmall detail's <c>basic.lists</c> / <c>stepbar</c> /
/// <c>countdown</c>. Every value read here is <see cref="FieldSource.Embedded"/>.
/// </summary>
internal static partial class TaobaoEmbeddedOrders
{
    private const FieldSource Source = FieldSource.Embedded;

    /// <summary>China keeps one offset all year, so the countdown's epoch target can be written as the page would.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static IReadOnlyList<ParsedOrder> List(JsonElement root, Uri page) =>
        Items(root, "mainOrders").Select(o => ListOrder(o, page)).OfType<ParsedOrder>().DistinctBy(o => o.OrderId.Value).ToArray();

    public static ParsedOrder? Detail(JsonElement root, Uri page)
    {
        var main = At(root, "mainOrder");
        var keyed = KeyedValues(root);
        var id = StringAt(main, "id") ?? keyed.GetValueOrDefault("订单编号") ?? keyed.GetValueOrDefault("订单号");
        if (id is null || !OrderId().IsMatch(id))
        {
            return null;
        }

        var time = keyed.GetValueOrDefault("创建时间") ?? keyed.GetValueOrDefault("成交时间") ?? keyed.GetValueOrDefault("下单时间");
        var total = TaobaoText.Amount(StringAt(main, "payInfo", "actualFee")) ?? TaobaoText.Amount(keyed.GetValueOrDefault("实付款"));
        var status = StringAt(main, "statusInfo", "text");
        return new ParsedOrder(
            new Sourced<string>(id, Source),
            Sourced(StringAt(main, "seller", "shopName")),
            Sourced(StringAt(main, "seller", "nick") ?? StringAt(root, "deliveryInfo", "sellerNick")),
            Items(main, "subOrders").Select(SubOrder).ToArray(),
            total is { } paid ? new Sourced<decimal>(paid, Source) : null,
            "CNY",
            Sourced(time),
            Sourced(status),
            TaobaoText.Status(status),
            Logistics(At(root, "deliveryInfo")),
            Sourced(Deadline(root)),
            TaobaoFlags.From(AllStrings(root)),
            Operations(main, page));
    }

    private static ParsedOrder? ListOrder(JsonElement order, Uri page)
    {
        var id = StringAt(order, "id") ?? StringAt(order, "orderInfo", "id");
        if (id is null || !OrderId().IsMatch(id))
        {
            return null;
        }

        var status = StringAt(order, "statusInfo", "text");
        var total = TaobaoText.Amount(StringAt(order, "payInfo", "actualFee"));
        return new ParsedOrder(
            new Sourced<string>(id, Source),
            Sourced(StringAt(order, "seller", "shopName")),
            Sourced(StringAt(order, "seller", "nick")),
            Items(order, "subOrders").Select(SubOrder).ToArray(),
            total is { } paid ? new Sourced<decimal>(paid, Source) : null,
            "CNY",
            Sourced(StringAt(order, "orderInfo", "createTime") ?? StringAt(order, "orderInfo", "createDay")),
            Sourced(status),
            TaobaoText.Status(status),
            null,
            Sourced(Deadline(order)),
            TaobaoFlags.From(AllStrings(order)),
            Operations(order, page));
    }

    private static ParsedItem SubOrder(JsonElement sub)
    {
        var sku = string.Join("；", Items(sub, "itemInfo", "skuText")
            .Select(s => (Name: StringAt(s, "name"), Value: StringAt(s, "value")))
            .Where(s => s.Value is not null)
            .Select(s => s.Name is null ? s.Value : $"{s.Name}：{s.Value}"));
        var unit = TaobaoText.Amount(StringAt(sub, "priceInfo", "realTotal"));
        var quantity = Int(sub, "quantity", "count") ?? Int(sub, "quantity");
        return new ParsedItem(
            Sourced(StringAt(sub, "itemInfo", "title")),
            Sourced(sku.Length > 0 ? sku : null),
            quantity is { } count ? new Sourced<int>(count, Source) : null,
            unit is { } price ? new Sourced<decimal>(price, Source) : null,
            null);
    }

    /// <summary>The order's operations wherever this page version keeps them, sub-orders' after-sales links included.</summary>
    private static PageAction[] Operations(JsonElement? order, Uri page) =>
        Items(order, "tradeOperations")
            .Concat(Items(order, "operations"))
            .Concat(Items(order, "statusInfo", "operations"))
            .Concat(Items(order, "subOrders").SelectMany(s => Items(s, "operations")))
            .Select(op => TaobaoActions.From(page, StringAt(op, "id"), StringAt(op, "text"), StringAt(op, "url")))
            .OfType<PageAction>()
            .DistinctBy(a => (a.Kind, a.Url))
            .ToArray();

    private static ParsedLogistics? Logistics(JsonElement? delivery)
    {
        var carrier = StringAt(delivery, "logisticsName");
        var number = StringAt(delivery, "logisticsNum");
        return carrier is null && number is null ? null : new ParsedLogistics(Sourced(carrier), Sourced(number), null, null, []);
    }

    /// <summary>A "还剩…" operation text, else the epoch <c>countdown.targetTime</c> as China time.</summary>
    private static string? Deadline(JsonElement scope)
    {
        if (AllStrings(scope).Select(TaobaoText.Countdown).FirstOrDefault(c => c is not null) is { } countdown)
        {
            return countdown;
        }

        return long.TryParse(StringAt(scope, "countdown", "targetTime"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var target)
               && target is > 0 and < 253402300799999
            ? DateTimeOffset.FromUnixTimeMilliseconds(target).ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>
    /// "Label: value" pairs wherever the data keeps them: Tmall's <c>{key, content}</c> objects and Taobao's
    /// "订单编号:…" strings in <c>orderInfo.lines</c>. The first occurrence of a label wins.
    /// </summary>
    private static Dictionary<string, string> KeyedValues(JsonElement root)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Pairs(root))
        {
            values.TryAdd(key, value);
        }

        return values;
    }

    private static IEnumerable<(string Key, string Value)> Pairs(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (StringAt(element, "key") is { } key && (StringAt(element, "content") ?? StringAt(element, "value")) is { } content)
                {
                    yield return (TaobaoText.Clean(key).TrimEnd(':', '：'), content);
                }

                foreach (var member in element.EnumerateObject())
                {
                    foreach (var pair in Pairs(member.Value))
                    {
                        yield return pair;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var pair in Pairs(item))
                    {
                        yield return pair;
                    }
                }

                break;
            case JsonValueKind.String when LabelledLine().Match(element.GetString() ?? "") is { Success: true } line:
                yield return (line.Groups[1].Value, line.Groups[2].Value.Trim());
                break;
        }
    }

    private static Sourced<string>? Sourced(string? value) => value is null ? null : new Sourced<string>(TaobaoText.Clean(value), Source);

    [GeneratedRegex(@"^\d{6,24}$")]
    private static partial Regex OrderId();

    [GeneratedRegex(@"^\s*([\p{IsCJKUnifiedIdeographs}]{2,6})\s*[:：]\s*(\S.*)$")]
    private static partial Regex LabelledLine();
}
