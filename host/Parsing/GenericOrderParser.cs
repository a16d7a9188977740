namespace ReceiptGuard.Host.Parsing;

/// <summary>
/// The fallback for any page no platform parser claims: JSON-LD and microdata first, then generic labels (订单号 /
/// Order ID …). A first version that finds nothing yet.
/// </summary>
public sealed class GenericOrderParser : IOrderPageParser
{
    public string Platform => "generic";

    public bool CanParse(PageInput page) => true;

    public ParsedPage Parse(PageInput page) => new(Platform, PageKind.Unknown, [], "generic/0", ["the generic parser is not written yet"]);
}
