using ReceiptGuard.Host.Parsing.Platforms.Taobao;

namespace ReceiptGuard.Host.Parsing.Platforms.Tmall;

/// <summary>
/// Tmall (天猫): trade.tmall.com detail pages (<c>var detailData = {…}</c>), buyertrade.tmall.com lists and
/// wuliu.tmall.com logistics. Tmall runs on Taobao's trade system, so the readers are Taobao's.
/// </summary>
public sealed class TmallOrderParser : TaobaoFamilyParser
{
    public override string Platform => "tmall";

    protected override string Domain => "tmall.com";

    protected override PageKind KindOf(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        var path = url.AbsolutePath;
        return host switch
        {
            "wuliu.tmall.com" => PageKind.Logistics,
            "buyertrade.tmall.com" when path.StartsWith("/trade/itemlist/", StringComparison.Ordinal) => PageKind.List,
            "trade.tmall.com" when path.StartsWith("/detail/orderDetail.htm", StringComparison.OrdinalIgnoreCase) => PageKind.Detail,
            _ => PageKind.Unknown,
        };
    }
}
