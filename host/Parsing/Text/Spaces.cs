using System.Buffers;

namespace ReceiptGuard.Host.Parsing.Text;

/// <summary>
/// Whitespace collapsing without a regex: the same result as <c>Regex.Replace(text, @"\s+", " ").Trim()</c> (regex
/// <c>\s</c> and <see cref="char.IsWhiteSpace(char)"/> are the same set, no-break and ideographic spaces included), in
/// one pass, and no allocation when the text is already clean, which most DOM text nodes are.
/// </summary>
public static class Spaces
{
    /// <summary>Runs of whitespace to one space, trimmed; with <paramref name="dropPrivateUse"/>, private-use characters
    /// (U+E000–U+F8FF, what <c>\p{Co}</c> matches in UTF-16: icon-font glyphs) are removed first.</summary>
    public static string Collapse(string text, bool dropPrivateUse = false)
    {
        if (IsClean(text, dropPrivateUse))
        {
            return text;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var c in text)
            {
                if (dropPrivateUse && c is >= '\ue000' and <= '\uf8ff')
                {
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    buffer[length++] = ' ';
                    pendingSpace = false;
                }

                buffer[length++] = c;
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool IsClean(string text, bool dropPrivateUse)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            if (dropPrivateUse && c is >= '\ue000' and <= '\uf8ff')
            {
                return false;
            }

            if (char.IsWhiteSpace(c))
            {
                if (c != ' ' || previousSpace)
                {
                    return false;
                }

                previousSpace = true;
            }
            else
            {
                previousSpace = false;
            }
        }

        return true;
    }
}
