using System.Globalization;
using Microsoft.Data.Sqlite;
using ReceiptGuard.Host.Parsing;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Bench;

/// <summary>
/// A data folder holding <c>rows</c> generated snapshots written straight into the real schema: each with its search
/// entry (title, shop, item titles, order ids), a parse result of the current parser version (so the host's start-up
/// parse sweep skips it) and a manifest hash and signature (so the manifest backfill skips it). No artifact files: the
/// search never reads them, and the start-up sweep only deletes files no row refers to.
/// </summary>
public sealed class SearchCorpus
{
    public static readonly string[] ChineseTwo = ["耳机", "手机", "充电", "衬衫", "茶叶", "零食", "键盘", "鼠标", "背包", "台灯", "水杯", "袜子"];
    public static readonly string[] ChineseFour = ["蓝牙耳机", "无线充电", "纯棉衬衫", "机械键盘", "双肩背包", "护眼台灯", "保温水杯", "坚果零食", "有线鼠标", "手机支架"];
    public static readonly string[] English = ["wireless", "charger", "keyboard", "backpack", "headphones", "bottle", "cotton", "lamp", "mouse", "socks", "cable", "stand"];
    private static readonly string[] Shops = ["小米官方旗舰店", "华为官方旗舰店", "优衣库官方旗舰店", "三只松鼠旗舰店", "Anker Official Store", "Logitech Store", "罗技京东自营店", "良品铺子旗舰店", "Apple Store", "绿联旗舰店"];
    private static readonly string[] Titles = ["已买到的宝贝", "订单详情", "我的订单", "Your Orders", "Order Details", "交易详情 - 淘宝网", "京东 - 我的订单"];
    private static readonly string[] Qualifiers = ["2025新款", "官方正品", "包邮", "大容量", "黑色", "白色", "Pro", "Max", "便携", "加厚"];

    private SearchCorpus(string dataDirectory, IReadOnlyList<string> orderIds)
    {
        DataDirectory = dataDirectory;
        OrderIds = orderIds;
    }

    public string DataDirectory { get; }

    /// <summary>A sample of the order ids stored (one per snapshot, in every 100th snapshot), to search for.</summary>
    public IReadOnlyList<string> OrderIds { get; }

    public static async Task<SearchCorpus> CreateAsync(string dataDirectory, int rows, int seed)
    {
        var random = new Random(seed);
        var orderIds = new List<string>();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "receiptguard.db"), Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await Migrations.ApplyAsync(connection);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var snapshot = Insert(connection, transaction, """
            INSERT INTO snapshots (id, received_at, captured_at, url, title, site, decision, button_text, html_sha256, html_bytes, fingerprint, order_hint,
                                   manifest_sha256, manifest_signature)
            VALUES ($id, $at, $at, $url, $title, $site, 'confirmed', '确认收货', $sha, 102400, $sha, $order, $sha, 'not-signed-generated-for-the-search-benchmark');
            """, "$id", "$at", "$url", "$title", "$site", "$sha", "$order");
        var parse = Insert(connection, transaction, """
            INSERT INTO parse_results (snapshot_id, parser_version, parser, platform, page_kind, subject_order_id, order_count, parsed_at)
            VALUES ($id, $version, 'taobao', 'taobao', 'list', $order, $count, $at);
            """, "$id", "$version", "$order", "$count", "$at");
        var search = Insert(connection, transaction,
            "INSERT INTO snapshot_search (snapshot_id, title, shop, items, order_ids) VALUES ($id, $title, $shop, $items, $orders);",
            "$id", "$title", "$shop", "$items", "$orders");

        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var n = 0; n < rows; n++)
        {
            var id = Guid.NewGuid().ToString("D");
            var at = start.AddMinutes(n * 7).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            var orderCount = random.Next(1, 6);
            var orders = Enumerable.Range(0, orderCount).Select(_ => OrderId(random)).ToArray();
            if (n % 100 == 0)
            {
                orderIds.Add(orders[0]);
            }

            var shops = Enumerable.Range(0, orderCount).Select(_ => Shops[random.Next(Shops.Length)]).Distinct().ToArray();
            var items = Enumerable.Range(0, orderCount * random.Next(1, 4)).Select(_ => ItemTitle(random)).ToArray();
            var title = $"{Titles[random.Next(Titles.Length)]} {shops[0]}";
            var sha = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

            snapshot.Set("$id", id).Set("$at", at).Set("$url", $"https://buyertrade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId={orders[0]}")
                .Set("$title", title).Set("$site", "taobao").Set("$sha", sha).Set("$order", orders[0]).Run();
            parse.Set("$id", id).Set("$version", PageParser.Version).Set("$order", orders[0]).Set("$count", orderCount).Set("$at", at).Run();
            search.Set("$id", id).Set("$title", title).Set("$shop", string.Join('\n', shops)).Set("$items", string.Join('\n', items))
                .Set("$orders", string.Join('\n', orders)).Run();
        }

        await transaction.CommitAsync();
        return new SearchCorpus(dataDirectory, orderIds);
    }

    /// <summary>Taobao-style 19 digits, JD-style 12 digits, or Amazon-style 3-7-7.</summary>
    private static string OrderId(Random random) => random.Next(3) switch
    {
        0 => $"33{random.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999)}",
        1 => random.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture),
        _ => $"{random.Next(100, 999)}-{random.Next(1_000_000, 9_999_999)}-{random.Next(1_000_000, 9_999_999)}",
    };

    private static string ItemTitle(Random random) => random.Next(2) == 0
        ? $"{Qualifiers[random.Next(Qualifiers.Length)]}{ChineseFour[random.Next(ChineseFour.Length)]}{ChineseTwo[random.Next(ChineseTwo.Length)]}{Qualifiers[random.Next(Qualifiers.Length)]}"
        : $"{English[random.Next(English.Length)]} {English[random.Next(English.Length)]} {Qualifiers[random.Next(Qualifiers.Length)]} {ChineseTwo[random.Next(ChineseTwo.Length)]}";

    private static PreparedInsert Insert(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return new PreparedInsert(command);
    }

    /// <summary>One prepared statement run many times with new values.</summary>
    private sealed class PreparedInsert(SqliteCommand command)
    {
        public PreparedInsert Set(string name, object value)
        {
            command.Parameters[name].Value = value;
            return this;
        }

        public void Run() => command.ExecuteNonQuery();
    }
}
