using System.Security.Cryptography;

namespace ReceiptGuard.Host.Pairing;

public sealed record PairingCode(string Code, DateTimeOffset ExpiresAt);

/// <summary>What became of a claimed code.</summary>
public enum CodeCheck
{
    Accepted,
    Wrong,
    Expired,
    Used,
    Burned,
}

/// <summary>
/// The one-time pairing code the review UI shows. One code at a time, in memory only (a restart forgets it): 8
/// characters from an alphabet without look-alikes (no 0/O, 1/I/L), valid for 5 minutes, good for one claim. Every
/// wrong guess while a code is out counts against it, and after <see cref="MaxWrongAttempts"/> it is burned: 32^8
/// codes and 5 guesses leave a guesser a chance of about 5 in 10^12.
/// </summary>
public sealed class PairingCodes(TimeProvider clock)
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 8;
    public const int MaxWrongAttempts = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private Entry? _current;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>Makes a new code; the one before it stops working.</summary>
    public PairingCode Create()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, Length);
        var expires = clock.GetUtcNow() + Lifetime;
        lock (_gate)
        {
            _current = new Entry(code, expires);
        }

        return new PairingCode(code, expires);
    }

    /// <summary>Checks a claimed code, and uses it up when it is right. Case and spaces or dashes do not matter.</summary>
    public CodeCheck Claim(string? claimed)
    {
        var normalized = Normalize(claimed);
        lock (_gate)
        {
            var current = _current;
            if (current is null)
            {
                return normalized.Length > 0 && _used.Contains(normalized) ? CodeCheck.Used : CodeCheck.Wrong;
            }

            if (current.Burned)
            {
                return CodeCheck.Burned;
            }

            if (!CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(normalized),
                    System.Text.Encoding.ASCII.GetBytes(current.Code)))
            {
                if (_used.Contains(normalized))
                {
                    return CodeCheck.Used;
                }

                current.WrongAttempts++;
                if (current.WrongAttempts >= MaxWrongAttempts)
                {
                    current.Burned = true;
                    return CodeCheck.Burned;
                }

                return CodeCheck.Wrong;
            }

            if (clock.GetUtcNow() >= current.ExpiresAt)
            {
                _current = null;
                return CodeCheck.Expired;
            }

            _current = null;
            _used.Add(current.Code);
            return CodeCheck.Accepted;
        }
    }

    private static string Normalize(string? code) =>
        new string((code ?? "").Where(c => c is not (' ' or '-')).ToArray()).ToUpperInvariant();

    private sealed class Entry(string code, DateTimeOffset expiresAt)
    {
        public string Code { get; } = code;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public int WrongAttempts { get; set; }

        public bool Burned { get; set; }
    }
}
