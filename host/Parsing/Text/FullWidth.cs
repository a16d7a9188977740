using System.Text;

namespace ReceiptGuard.Host.Parsing.Text;

/// <summary>Full-width ASCII (U+FF01–U+FF5E, and the ideographic space) → ASCII: Chinese pages often write "１２３．５０".</summary>
public static class FullWidth
{
    public static string ToAscii(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var mapped = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            };
            if (mapped != c)
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
            }

            builder?.Append(mapped);
        }

        return builder?.ToString() ?? text;
    }
}
