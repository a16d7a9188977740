using System.Globalization;
using System.Text;
using System.Text.Json;
using ReceiptGuard.Testing.Images;

namespace ReceiptGuard.Testing;

/// <summary>One file of a generated site: what it is served as, and its bytes.</summary>
public sealed record SiteFile(string ContentType, byte[] Body);

/// <summary>
/// A Taobao-style 已买到的宝贝 list for capture benchmarks and fidelity tests, generated deterministically (same bytes on
/// every run): about 300 KB of UTF-8 HTML with 20 orders, an inline <c>var data = JSON.parse('…')</c> with the orders'
/// data, and, on a second origin that acts as the CDN (<see cref="CdnHost"/>, served with CORS headers), a stylesheet
/// with a background image and 20 distinct product thumbnails (PNG, 80 to 160 px, shown at 80×80).
/// </summary>
public sealed class OrderPageSite
{
    public const string ShopHost = "buyertrade.taobao.com";
    public const string CdnHost = "img.alicdn.com";
    public const string PagePath = "/trade/itemlist/list_bought_items.htm";
    public const string StylesheetPath = "/tfs/trade/order-list.css";
    public const string BackgroundPath = "/tfs/trade/images/header-bg.png";
    public const int Orders = 20;

    private static readonly string[] Shops = ["优衣库官方旗舰店", "小米官方旗舰店", "三只松鼠旗舰店", "南极人家纺旗舰店", "得力办公旗舰店", "李宁官方网店", "良品铺子旗舰店", "绿联数码专营店", "无印良品MUJI", "罗技官方旗舰店"];
    private static readonly string[] Goods = ["男装 摇粒绒拉链茄克 长袖 保暖", "Redmi Buds 5 真无线蓝牙耳机 主动降噪", "每日坚果 混合果仁 750g/30包 礼盒", "A类抗菌 纯棉四件套 1.8m床 床单被套", "按动中性笔 0.5mm 黑色 24支装 办公", "跑步鞋 男款 赤兔7 减震 轻量 透气", "猪肉脯 靖江风味 200g×2袋 休闲零食", "USB-C 扩展坞 七合一 HDMI 4K 转接头", "超声波香薰机 大容量 加湿 安静", "MX Master 3S 无线鼠标 静音 人体工学"];
    private static readonly string[] Specs = ["颜色分类：深灰色；尺码：XL", "颜色分类：曜石黑", "口味：混合装", "颜色分类：燕麦色；尺寸：1.8m床", "颜色分类：黑色", "颜色分类：标准白/荧光绿；鞋码：42", "口味：原味", "颜色分类：深空灰", "颜色分类：白色 350ml", "颜色分类：石墨黑"];
    private static readonly string[] Operations = ["确认收货", "延长收货", "查看物流", "申请售后", "再次购买"];
    private static readonly JsonSerializerOptions DataJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly (string Status, bool Confirm)[] States = [("卖家已发货", true), ("交易成功", false), ("卖家已发货", true), ("买家已付款", false), ("交易关闭", false)];

    private OrderPageSite(IReadOnlyDictionary<string, SiteFile> files) => Files = files;

    /// <summary>"host/path" → file.</summary>
    public IReadOnlyDictionary<string, SiteFile> Files { get; }

    public static string PageUrl => $"http://{ShopHost}{PagePath}";

    public int PageBytes => Files[$"{ShopHost}{PagePath}"].Body.Length;

    public static string ThumbnailPath(int n) => $"/bao/uploaded/i{(n % 4) + 1}/O1CN01bench{n:D2}_!!2200000{n:D2}.png";

    /// <param name="targetPageBytes">The HTML grows (longer logistics traces in the inline data) until it has at least this many UTF-8 bytes.</param>
    public static OrderPageSite Build(int targetPageBytes = 300_000)
    {
        var files = new Dictionary<string, SiteFile>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{CdnHost}{StylesheetPath}"] = new("text/css; charset=utf-8", Encoding.UTF8.GetBytes(Stylesheet)),
            [$"{CdnHost}{BackgroundPath}"] = new("image/png", PngEncoder.Encode(HeaderBackground(), opaque: true)),
        };
        for (var n = 0; n < Orders; n++)
        {
            files[$"{CdnHost}{ThumbnailPath(n)}"] = new("image/png", PngEncoder.Encode(Thumbnail(n), opaque: true));
        }

        byte[] page;
        var traceLines = 1;
        do
        {
            page = Encoding.UTF8.GetBytes(Page(traceLines++));
        }
        while (page.Length < targetPageBytes);
        files[$"{ShopHost}{PagePath}"] = new("text/html; charset=utf-8", page);
        return new OrderPageSite(files);
    }

    private static string OrderId(int n) => $"4{(n * 7919) + 1200345:D7}{n:D2}2938{n % 10}";

    private static string Page(int traceLines)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>已买到的宝贝</title>
            <meta name="spm-id" content="a1z09.2">
            <link rel="stylesheet" href="//{CdnHost}{StylesheetPath}">
            </head><body class="bought-page">
            <div id="site-nav"><div class="site-nav-bd"><ul class="site-nav-bd-l"><li>亲，<a href="//i.taobao.com/my_taobao.htm">tb_buyer_2026</a></li><li><a href="//message.taobao.com/">消息</a></li></ul>
            <ul class="site-nav-bd-r"><li><a href="//www.taobao.com/">淘宝网首页</a></li><li><a href="//i.taobao.com/">我的淘宝</a></li><li><a href="//cart.taobao.com/">购物车</a></li><li><a href="//shoucang.taobao.com/">收藏夹</a></li><li><a href="//seller.taobao.com/">千牛卖家中心</a></li></ul></div></div>
            <div id="header" class="header-bg"><a class="logo" href="//www.taobao.com/">我的淘宝</a>
            <form class="search" action="//buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"><input name="itemTitle" placeholder="输入商品标题或订单号进行搜索"><button type="button">订单搜索</button></form></div>
            <div id="J_bought_main" class="bought-main">
            <ul class="tabs"><li class="active">所有订单</li><li>待付款</li><li>待发货</li><li>待收货 <em>2</em></li><li>待评价</li><li>分阶段</li></ul>
            <table class="bought-table-head"><tr><th class="item">宝贝</th><th>单价</th><th>数量</th><th>商品操作</th><th>实付款</th><th>交易状态</th><th>交易操作</th></tr></table>

            """);
        for (var n = 0; n < Orders; n++)
        {
            html.Append(Order(n));
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <div class="pagination"><button disabled>上一页</button><span class="current">1</span><a href="#">2</a><a href="#">3</a><button>下一页</button></div>
            </div>
            <div id="footer"><p>© 2003-2026 Taobao.com 版权所有</p><p>增值电信业务经营许可证：浙B2-20080224</p></div>
            <script>var data = JSON.parse('{JsString(Data(traceLines))}');</script>
            </body></html>

            """);
        return html.ToString();
    }

    private static string Order(int n)
    {
        var id = OrderId(n);
        var (status, confirm) = States[n % States.Length];
        var price = 39 + ((n * 37) % 460);
        var shop = Shops[n % Shops.Length];
        var operations = confirm
            ? $"""<a class="button-mod confirm" href="//trade.taobao.com/trade/confirmGoods.htm?biz_order_id={id}" data-spm-click="gostr=/tbtrade;locaid=d1">确认收货</a><a href="#" class="op">延长收货时间</a><a href="//detail.i56.taobao.com/trace/trace_detail.htm?tId={id}" class="op">查看物流</a><span class="countdown">还剩{(n % 9) + 1}天{n % 24}时</span>"""
            : status == "交易成功" ? """<a href="#" class="op">追加评论</a><a href="#" class="op">再次购买</a><a href="#" class="op">申请开票</a>""" : """<a href="#" class="op">再次购买</a>""";
        return string.Create(CultureInfo.InvariantCulture, $"""
            <div class="js-order-container bought-wrapper-mod" data-id="{id}" data-spm="order-{n}">
              <table class="bought-table-mod"><tbody class="order-hd"><tr><td colspan="7">
                <label class="check"><input type="checkbox" aria-label="选择订单 {id}"></label><span class="create-time">2026-11-{1 + (n % 25):D2}</span>
                <span class="order-no">订单号: <span>{id}</span></span><a class="shop-name" href="//store.taobao.com/shop/view_shop.htm?user_number_id=22{n:D4}">{shop}</a>
                <a class="ww-inline" href="#" title="和我联系"><i class="icon-ww"></i></a><a class="delete" href="#" title="删除订单"><i class="icon-del"></i></a>
                <div class="more-pop" style="display:none"><ul><li><a href="#">申请售后</a></li><li><a href="#">投诉商家</a></li><li><a href="#">退运费险</a></li><li><a href="#">举报该商品</a></li><li><a href="#">分享订单</a></li></ul></div>
              </td></tr></tbody>
              <tbody class="order-bd"><tr>
                <td class="item"><div class="item-mod"><a class="pic" href="//item.taobao.com/item.htm?id=6{n:D11}"><img src="//{CdnHost}{ThumbnailPath(n)}" width="80" height="80" alt="{Goods[n % Goods.Length]}"></a>
                  <div class="desc"><p><a class="title" href="//item.taobao.com/item.htm?id=6{n:D11}">{shop[..2]} {Goods[n % Goods.Length]} 2026新款</a></p>
                  <p class="sku">{Specs[n % Specs.Length]}</p><p class="tags"><span class="tag">7天无理由退货</span><span class="tag">运费险</span>{(n % 3 == 0 ? "<span class=\"tag\">极速退款</span>" : "")}</p></div></div></td>
                <td class="price"><del>￥{price + 60}.00</del><p>￥{price}.00</p></td><td class="quantity">×{1 + (n % 3)}</td>
                <td class="after-sale"><a href="#">申请售后</a><a href="#">投诉卖家</a></td>
                <td class="total"><strong>￥{price * (1 + (n % 3))}.00</strong><p class="post">(含运费：￥0.00)</p><p class="pay-way">手机订单</p></td>
                <td class="status"><p class="status-text">{status}</p><a href="//trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id={id}">订单详情</a>{(confirm ? "<a href=\"#\">查看物流</a>" : "")}</td>
                <td class="operations">{operations}</td>
              </tr></tbody></table>
            </div>

            """);
    }

    /// <summary>The orders as the page's own script gets them, with logistics traces of the given length.</summary>
    private static string Data(int traceLines)
    {
        var orders = Enumerable.Range(0, Orders).Select(n => new
        {
            id = OrderId(n),
            seller = new { nick = Shops[n % Shops.Length], shopUrl = $"//store.taobao.com/shop/view_shop.htm?user_number_id=22{n:D4}", wangwang = true },
            status = new { text = States[n % States.Length].Status, confirmable = States[n % States.Length].Confirm },
            items = new[]
            {
                new { title = Goods[n % Goods.Length], sku = Specs[n % Specs.Length], pic = $"//{CdnHost}{ThumbnailPath(n)}", quantity = 1 + (n % 3), price = $"{39 + ((n * 37) % 460)}.00" },
            },
            logistics = Enumerable.Range(0, traceLines).Select(t => new
            {
                time = $"2026-11-{1 + (n % 25):D2} {(8 + t) % 24:D2}:{(t * 13) % 60:D2}:00",
                desc = t % 3 == 0 ? $"【杭州市】快件已到达【杭州转运中心】，正发往【上海浦东{t}部】" : t % 3 == 1 ? "【上海市】快件已由【菜鸟驿站】代收，请及时取件，如有疑问请联系派件员" : $"【上海市】快递员 张师傅（1380013{n:D2}{t % 100:D2}）正在派件",
            }),
            operations = Operations,
        });
        return JsonSerializer.Serialize(new { page = new { current = 1, total = 3, size = Orders }, mainOrders = orders }, DataJson);
    }

    /// <summary>Escapes JSON for a single-quoted JS string inside a script element.</summary>
    private static string JsString(string json) =>
        json.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("</", "<\\/", StringComparison.Ordinal);

    private const string Stylesheet = """
        body { margin: 0; font: 12px/1.5 "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #3c3c3c; background: #f5f5f5; }
        a { color: #3c3c3c; text-decoration: none; }
        #site-nav { height: 35px; background: #f5f5f5; border-bottom: 1px solid #eee; }
        .site-nav-bd { width: 990px; margin: 0 auto; display: flex; justify-content: space-between; }
        .site-nav-bd ul { list-style: none; margin: 0; padding: 0; display: flex; gap: 14px; line-height: 35px; color: #6c6c6c; }
        .header-bg { height: 80px; background: #ff5000 url(images/header-bg.png) repeat-x 0 0; display: flex; align-items: center; justify-content: space-between; padding: 0 calc(50% - 495px); }
        .logo { font-size: 24px; color: #fff; font-weight: bold; letter-spacing: 2px; }
        .search input { width: 320px; height: 30px; border: 2px solid #fff; padding: 0 8px; }
        .search button { height: 34px; background: #fff; color: #ff5000; border: 0; padding: 0 14px; font-weight: bold; }
        .bought-main { width: 990px; margin: 14px auto; }
        .tabs { list-style: none; display: flex; gap: 24px; padding: 0 0 0 12px; margin: 0 0 12px; border-bottom: 2px solid #e8e8e8; font-size: 14px; }
        .tabs li { padding: 8px 0; } .tabs .active { color: #ff5000; border-bottom: 2px solid #ff5000; margin-bottom: -2px; font-weight: bold; }
        .tabs em { font-style: normal; color: #ff5000; }
        table { width: 100%; border-collapse: collapse; }
        .bought-table-head { background: #f5f5f5; border: 1px solid #e8e8e8; margin-bottom: 10px; color: #6c6c6c; }
        .bought-table-head th { font-weight: normal; padding: 8px; text-align: center; } .bought-table-head th.item { width: 38%; text-align: left; }
        .bought-wrapper-mod { margin-bottom: 12px; border: 1px solid #daf3ff; background: #fff; }
        .order-hd td { background: #eaf8ff; padding: 6px 10px; color: #3c3c3c; }
        .order-hd span, .order-hd a { margin-right: 14px; } .shop-name { color: #3c3c3c; font-weight: bold; }
        .icon-ww { display: inline-block; width: 16px; height: 16px; background: #2bb8ff; border-radius: 50%; vertical-align: middle; }
        .icon-del { display: inline-block; width: 12px; height: 12px; border: 1px solid #aaa; vertical-align: middle; }
        .order-bd td { padding: 12px 8px; vertical-align: top; text-align: center; border-right: 1px solid #f2f2f2; }
        .order-bd td.item { width: 38%; text-align: left; }
        .item-mod { display: flex; gap: 10px; } .pic img { display: block; width: 80px; height: 80px; object-fit: cover; border: 1px solid #eee; }
        .title { color: #3c3c3c; } .title:hover { color: #ff5000; } .sku { color: #9c9c9c; margin: 4px 0; }
        .tag { display: inline-block; border: 1px solid #ff5000; color: #ff5000; padding: 0 3px; margin-right: 4px; font-size: 11px; line-height: 16px; }
        .price del { color: #9c9c9c; } .total strong { font-size: 14px; color: #3c3c3c; } .post, .pay-way { color: #9c9c9c; margin: 2px 0; }
        .status a, .after-sale a, .operations a { display: block; margin-bottom: 4px; }
        .button-mod { display: inline-block !important; padding: 3px 10px; border: 1px solid #ff5000; background: #ff5000; color: #fff !important; border-radius: 2px; }
        .countdown { display: block; color: #9c9c9c; }
        .pagination { text-align: right; padding: 10px 0; } .pagination > * { margin-left: 6px; }
        .pagination .current { color: #ff5000; font-weight: bold; }
        #footer { text-align: center; color: #9c9c9c; padding: 20px 0 40px; }
        @media print { #site-nav, .search { display: none; } }
        """;

    /// <summary>The header's background: a diagonal orange-to-red banner, 200×80, repeated across the page.</summary>
    private static RgbaImage HeaderBackground()
    {
        var image = new RgbaImage(200, 80);
        for (var y = 0; y < 80; y++)
        {
            for (var x = 0; x < 200; x++)
            {
                var t = ((x / 2) + y) % 100;
                image.SetPixel(x, y, 255, (byte)(80 - (t / 3)), (byte)(y / 4));
            }
        }

        return image;
    }

    /// <summary>A product photo stand-in: a shaded, coloured object on a light backdrop with a little sensor noise.</summary>
    private static RgbaImage Thumbnail(int n)
    {
        var size = 80 + ((n % 5) * 20);
        var image = new RgbaImage(size, size);
        var (r, g, b) = Hue(n * 360.0 / Orders);
        var noise = (uint)(n + 1) * 2654435761u;
        var centre = size / 2.0;
        var radius = size * (0.28 + ((n % 4) * 0.04));
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                noise ^= noise << 13;
                noise ^= noise >> 17;
                noise ^= noise << 5;
                var grain = (int)(noise % 9) - 4;
                var dx = x - centre;
                var dy = y - centre;
                var inside = n % 2 == 0 ? (dx * dx) + (dy * dy) < radius * radius : Math.Abs(dx) < radius && Math.Abs(dy) < radius * 0.8;
                var shade = inside ? 1.1 - ((dx + dy) / (4 * radius)) : 0.0;
                var back = 240 - (y * 20 / size);
                image.SetPixel(x, y,
                    Clamp(inside ? (r * shade) + grain : back + grain),
                    Clamp(inside ? (g * shade) + grain : back + grain),
                    Clamp(inside ? (b * shade) + grain : back - 6 + grain));
            }
        }

        return image;
    }

    private static byte Clamp(double value) => (byte)Math.Clamp((int)Math.Round(value), 0, 255);

    private static (double R, double G, double B) Hue(double degrees)
    {
        var h = degrees / 60;
        var x = 1 - Math.Abs((h % 2) - 1);
        (double r, double g, double b) = (int)h switch { 0 => (1.0, x, 0.0), 1 => (x, 1.0, 0.0), 2 => (0.0, 1.0, x), 3 => (0.0, x, 1.0), 4 => (x, 0.0, 1.0), _ => (1.0, 0.0, x) };
        return (40 + (r * 190), 40 + (g * 190), 40 + (b * 190));
    }
}
