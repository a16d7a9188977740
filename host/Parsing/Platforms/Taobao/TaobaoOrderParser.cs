namespace ReceiptGuard.Host.Parsing.Platforms.Taobao;

/// <summary>Taobao (淘宝): buyertrade/trade.taobao.com list and detail pages, wuliu.taobao.com logistics, the mobile order pages.</summary>
public sealed class TaobaoOrderParser : TaobaoFamilyParser
{
    public override string Platform => "taobao";

    protected override string Domain => "taobao.com";

    protected override PageKind KindOf(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        var path = url.AbsolutePath;
        return (host, path) switch
        {
            ("wuliu.taobao.com", _) => PageKind.Logistics,
            (_, _) when path.Contains("logistics", StringComparison.OrdinalIgnoreCase) => PageKind.Logistics,
            ("buyertrade.taobao.com", _) when path.StartsWith("/trade/itemlist/", StringComparison.Ordinal) => PageKind.List,
            ("main.m.taobao.com", _) when path.StartsWith("/olist/", StringComparison.Ordinal) => PageKind.List,
            ("h5.m.taobao.com", _) when path.StartsWith("/mlapp/olist", StringComparison.Ordinal) => PageKind.List,
            ("buyertrade.taobao.com" or "trade.taobao.com", _) when path.StartsWith("/trade/detail/", StringComparison.Ordinal) => PageKind.Detail,
            ("main.m.taobao.com", _) when path.StartsWith("/odetail/", StringComparison.Ordinal) => PageKind.Detail,
            _ => PageKind.Unknown,
        };
    }
}
