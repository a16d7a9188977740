using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReceiptGuard.Bench;

/// <summary>Benchmark pages built from the Taobao list fixture, grown to the size of a real list page.</summary>
public static partial class SamplePages
{
    /// <summary>
    /// The Taobao fixture with its order blocks repeated until the page is about <paramref name="targetBytes"/> of
    /// UTF-8 (a real 50-order list page is about 300 KB). Each repeated order gets its own id.
    /// </summary>
    public static string TaobaoList(string repositoryRoot, int targetBytes)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var fixture = Encoding.GetEncoding("gbk").GetString(File.ReadAllBytes(Path.Combine(repositoryRoot, "tests", "fixtures", "shops", "taobao", "list-basic.html")));
        var orders = OrderBlocks().Matches(fixture).Select(m => m.Value).ToArray();
        var insertAt = fixture.LastIndexOf("</div>\n</body>", StringComparison.Ordinal);
        var page = new StringBuilder(fixture[..insertAt], targetBytes + 4096);
        var n = 0;
        while (Encoding.UTF8.GetByteCount(page.ToString()) < targetBytes)
        {
            var order = orders[n % orders.Length];
            page.Append(order.Replace("33123456789", $"4{n:D10}", StringComparison.Ordinal)).Append('\n');
            n++;
        }

        return page.Append(fixture[insertAt..]).ToString();
    }

    /// <summary>
    /// A Taobao-style order list of <paramref name="orders"/> orders as rich as the real page's (about 100 elements
    /// each: shop header, several items with specs and service tags, status and operations columns). Every third
    /// order is shipped and offers 确认收货, the others are finished or awaiting shipment.
    /// </summary>
    public static string TaobaoRichList(int orders)
    {
        var page = new StringBuilder();
        page.Append("""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>已买到的宝贝</title>
            <style>
              body { font: 12px/1.5 sans-serif; margin: 0; background: #f5f5f5; }
              #J_bought_main { width: 990px; margin: 12px auto; }
              .js-order-container { background: #fff; border: 1px solid #e8e8e8; margin-bottom: 10px; }
              .order-head, .order-body { display: flex; gap: 16px; padding: 6px 12px; }
              .item { display: flex; gap: 8px; } .thumb { width: 60px; height: 60px; background: #eee; }
              .ops a, .ops button { display: block; color: #3c3c3c; background: none; border: 0; padding: 0; font: inherit; cursor: pointer; }
              .ops .primary { color: #fff; background: #f40; padding: 3px 8px; border-radius: 2px; }
            </style></head><body><div id="J_bought_main">
            """);
        for (var n = 0; n < orders; n++)
        {
            var id = $"3{n:D18}";
            var state = n % 3;
            page.Append(CultureInfo.InvariantCulture, $"""
                <div class="js-order-container" data-id="{id}">
                  <div class="order-head"><input type="checkbox" aria-label="选择订单"><span class="create-time">2026-11-{1 + (n % 28):D2}</span>
                    <span>订单号: <span class="order-id">{id}</span></span><a class="shop-name" href="#">店铺{n}号旗舰店</a>
                    <a class="ww" href="#" title="和我联系"><i class="icon-ww"></i></a><span class="tag">天猫</span></div>
                  <div class="order-body"><div class="items">
                """);
            for (var i = 0; i < 3; i++)
            {
                page.Append(CultureInfo.InvariantCulture, $"""
                    <div class="item"><div class="thumb"><img alt="" width="60" height="60"></div><div class="info">
                      <p><a href="#">商品{n}-{i} 新款 2026 秋冬 加厚 保暖</a></p>
                      <p class="spec"><span>颜色分类：</span><span>黑色</span><span>尺码：</span><span>XL</span></p>
                      <p class="tags"><span class="t">7天无理由退货</span><span class="t">运费险</span><span class="t">极速退款</span></p></div>
                      <div class="price"><del>￥{199 + i}.00</del><strong>￥{99 + i}.00</strong></div><div class="qty">×1</div>
                      <div class="after"><a href="#">申请售后</a><a href="#">投诉卖家</a></div></div>
                    """);
            }

            var (status, ops) = state switch
            {
                0 => ("卖家已发货", $"""<a class="primary confirm" href="//trade.taobao.com/trade/confirmGoods.htm?biz_order_id={id}">确认收货</a><a href="#">延长收货</a><a href="#">查看物流</a><span class="countdown">还剩{n % 10}天{n % 24}时</span>"""),
                1 => ("交易成功", """<a href="#">评价</a><a href="#">再次购买</a><a href="#">申请开票</a><span>已确认收货</span>"""),
                _ => ("买家已付款", """<a href="#">提醒发货</a><a href="#">修改地址</a><a href="#">确认收货地址</a>"""),
            };
            page.Append(CultureInfo.InvariantCulture, $"""
                  </div><div class="total"><strong>￥{297 + n}.00</strong><p>(含运费：￥0.00)</p></div>
                  <div class="status"><p>{status}</p><a href="#">订单详情</a></div>
                  <div class="ops">{ops}</div></div>
                </div>
                """);
        }

        return page.Append("</div></body></html>").ToString();
    }

    
    

    [GeneratedRegex("""<div class="js-order-container".*?\n  </div>""", RegexOptions.Singleline)]
    private static partial Regex OrderBlocks();
}
