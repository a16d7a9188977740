using Microsoft.Data.Sqlite;

namespace ReceiptGuard.Host.Storage;

/// <summary>
/// Forward-only schema steps, applied in order inside one transaction each; <c>PRAGMA user_version</c> records how
/// many have run. Never edit a step that has shipped: add a new one.
/// </summary>
public static class Migrations
{
    private static readonly string[] Steps =
    [
        // 1: snapshots as the extension delivers them; the page itself lives in the artifact store.
        """
        CREATE TABLE snapshots (
            seq            INTEGER PRIMARY KEY AUTOINCREMENT,
            id             TEXT    NOT NULL UNIQUE,
            received_at    TEXT    NOT NULL,
            captured_at    TEXT    NOT NULL,
            url            TEXT    NOT NULL,
            title          TEXT    NOT NULL,
            site           TEXT    NOT NULL,
            decision       TEXT    NOT NULL,
            button_text    TEXT    NOT NULL,
            html_sha256    TEXT    NOT NULL,
            html_bytes     INTEGER NOT NULL,
            fingerprint    TEXT    NOT NULL
        );
        """,

        // 2: the order the clicked control belongs to, as the extension read it from the page.
        """
        ALTER TABLE snapshots ADD COLUMN order_hint TEXT;
        """,

        // 3: why the page was captured (a held click, or the user asking), and decision 'none' for the latter.
        """
        ALTER TABLE snapshots ADD COLUMN capture TEXT NOT NULL DEFAULT 'guard';
        """,

        // 4: evidence beside the page: the page's data scripts and a screenshot (both artifacts), why there is no
        //    screenshot, and the capture context as compact JSON. And the host settings the extension follows: one
        //    row, absent until they are first changed.
        """
        ALTER TABLE snapshots ADD COLUMN embedded_sha256   TEXT;
        ALTER TABLE snapshots ADD COLUMN embedded_bytes    INTEGER;
        ALTER TABLE snapshots ADD COLUMN screenshot_sha256 TEXT;
        ALTER TABLE snapshots ADD COLUMN screenshot_type   TEXT CHECK (screenshot_type IN ('image/png', 'image/jpeg'));
        ALTER TABLE snapshots ADD COLUMN screenshot_bytes  INTEGER;
        ALTER TABLE snapshots ADD COLUMN screenshot_error  TEXT;
        ALTER TABLE snapshots ADD COLUMN context           TEXT;
        CREATE TABLE host_settings (
            id                 INTEGER PRIMARY KEY CHECK (id = 1),
            max_resource_bytes INTEGER NOT NULL,
            max_total_bytes    INTEGER NOT NULL,
            screenshots        INTEGER NOT NULL CHECK (screenshots IN (0, 1)),
            updated_at         TEXT    NOT NULL
        );
        """,

        // 5: what the parsers read from each snapshot. The full result is a JSON artifact; the row says who parsed it
        //    and when (or why it failed), and `orders` keeps the orders found, for search. Totals are TEXT: decimal
        //    amounts stay exact. No row in parse_results means "not parsed yet".
        """
        CREATE TABLE parse_results (
            snapshot_id      TEXT    PRIMARY KEY REFERENCES snapshots(id),
            parser_version   INTEGER NOT NULL,
            parser           TEXT,
            platform         TEXT,
            page_kind        TEXT,
            subject_order_id TEXT,
            order_count      INTEGER NOT NULL DEFAULT 0,
            result_sha256    TEXT,
            parsed_at        TEXT    NOT NULL,
            error            TEXT
        );
        CREATE TABLE orders (
            snapshot_id TEXT    NOT NULL REFERENCES snapshots(id),
            order_id    TEXT    NOT NULL,
            shop        TEXT,
            status      TEXT    NOT NULL,
            total       TEXT,
            currency    TEXT,
            is_subject  INTEGER NOT NULL CHECK (is_subject IN (0, 1))
        );
        CREATE INDEX orders_by_snapshot ON orders (snapshot_id);
        CREATE INDEX orders_by_order_id ON orders (order_id);
        """,

        // 6: the evidence store. Each snapshot gets a signed manifest (an artifact) and, when a TSA is set, an RFC 3161
        //    token (an artifact); the custody log chains every event by hash; user notes; and a full-text index over
        //    title, shop, item titles and order ids. Trigram, because Chinese has no spaces between words.
        """
        ALTER TABLE snapshots ADD COLUMN manifest_sha256    TEXT;
        ALTER TABLE snapshots ADD COLUMN manifest_signature TEXT;
        ALTER TABLE snapshots ADD COLUMN timestamp_sha256   TEXT;
        CREATE TABLE custody_log (
            seq           INTEGER PRIMARY KEY,
            at            TEXT    NOT NULL,
            kind          TEXT    NOT NULL,
            snapshot_id   TEXT,
            detail        TEXT    NOT NULL,
            previous_hash TEXT    NOT NULL,
            hash          TEXT    NOT NULL UNIQUE
        );
        CREATE INDEX custody_by_snapshot ON custody_log (snapshot_id);
        CREATE TABLE notes (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            snapshot_id TEXT    NOT NULL REFERENCES snapshots(id),
            text        TEXT    NOT NULL,
            created_at  TEXT    NOT NULL
        );
        CREATE INDEX notes_by_snapshot ON notes (snapshot_id);
        CREATE TABLE evidence_settings (
            id      INTEGER PRIMARY KEY CHECK (id = 1),
            tsa_url TEXT
        );
        CREATE VIRTUAL TABLE snapshot_search USING fts5(snapshot_id UNINDEXED, title, shop, items, order_ids, tokenize = 'trigram');
        """,

        // 7: how many days to keep snapshots (NULL: forever, the default), next to the TSA setting. Checked in code,
        //    not by a CHECK constraint, so the allowed range can change without rebuilding the table.
        """
        ALTER TABLE evidence_settings ADD COLUMN retention_days INTEGER;
        """,

        // 8: the stats page counts snapshots by UTC month, platform, capture and decision. Snapshot rows are wide (context,
        //    hashes, signature), so a full scan and sort of 100k of them takes a few hundred ms; this narrow index is
        //    already in group order and covers the date filter, which makes it a few ms. The month expression must stay
        //    exactly as StatsStore writes it, or SQLite will not use the index.
        """
        CREATE INDEX snapshots_by_month ON snapshots (substr(captured_at, 1, 7), site, capture, decision, captured_at);
        """,

        // 9: extensions paired with this host. Only an HMAC of each token is kept (keyed by keys/pairing-secret), so the
        //    database alone lets nobody in. origin is the Origin the extension paired from (chrome-extension://…,
        //    moz-extension://…), for the host to recognise its requests; revoked_at set means the token no longer works.
        """
        CREATE TABLE paired_clients (
            id           TEXT PRIMARY KEY,
            name         TEXT NOT NULL,
            origin       TEXT,
            token_hash   TEXT NOT NULL UNIQUE,
            created_at   TEXT NOT NULL,
            last_seen_at TEXT,
            revoked_at   TEXT
        );
        """,
    ];

    public static int Latest => Steps.Length;

    public static async Task<int> ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        await using (var wal = connection.CreateCommand())
        {
            // WAL is a property of the file: set once, readers never block the writer.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        var current = await ReadVersionAsync(connection, cancellationToken);
        if (current > Steps.Length)
        {
            throw new InvalidOperationException(
                $"The database schema is version {current}, newer than this host understands ({Steps.Length}). Update ReceiptGuard.");
        }

        for (var step = current; step < Steps.Length; step++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Steps[step] + $"\nPRAGMA user_version = {step + 1};";
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return Steps.Length;
    }

    public static async Task<int> ReadVersionAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
