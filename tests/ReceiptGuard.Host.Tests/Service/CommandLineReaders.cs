using System.Globalization;
using System.Text;

namespace ReceiptGuard.Host.Tests.Service;

/// <summary>
/// How the other side reads what the service code writes, written from the specs rather than from the writer:
/// systemd's ExecStart= word splitting (systemd.syntax(7), systemd.service(5)) and Windows' CommandLineToArgvW.
/// </summary>
public static class CommandLineReaders
{
    /// <summary>ExecStart= as systemd splits it: quotes, C escapes, <c>%%</c> and (in arguments) <c>$$</c>.</summary>
    public static List<string> SystemdExecStart(string line)
    {
        var words = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= line.Length)
            {
                return words;
            }

            var word = new StringBuilder();
            char? quote = null;
            for (; i < line.Length; i++)
            {
                var c = line[i];
                if (quote is null && c is ' ' or '\t')
                {
                    break;
                }

                if (c is '"' or '\'' && (quote is null || quote == c))
                {
                    quote = quote is null ? c : null;
                }
                else if (c == '\\')
                {
                    var next = line[++i];
                    switch (next)
                    {
                        case 'n': word.Append('\n'); break;
                        case 't': word.Append('\t'); break;
                        case 'x': word.Append((char)int.Parse(line.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); i += 2; break;
                        case 'u': word.Append((char)int.Parse(line.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); i += 4; break;
                        default: word.Append(next); break;
                    }
                }
                else if (c == '%')
                {
                    Assert.Equal('%', line[++i]); // any other specifier would be expanded by systemd
                    word.Append('%');
                }
                else if (c == '$' && words.Count > 0)
                {
                    Assert.Equal('$', line[++i]); // $X or ${X} would be an environment variable
                    word.Append('$');
                }
                else
                {
                    word.Append(c);
                }
            }

            Assert.Null(quote);
            words.Add(word.ToString());
        }
    }

    /// <summary>A command line as CommandLineToArgvW splits it (the rules the C runtime and .NET use too).</summary>
    public static List<string> WindowsArguments(string line)
    {
        var words = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= line.Length)
            {
                return words;
            }

            var word = new StringBuilder();
            var quoted = false;
            while (i < line.Length && (quoted || line[i] is not (' ' or '\t')))
            {
                var backslashes = 0;
                while (i < line.Length && line[i] == '\\')
                {
                    backslashes++;
                    i++;
                }

                if (i < line.Length && line[i] == '"')
                {
                    word.Append('\\', backslashes / 2);
                    if (backslashes % 2 == 1)
                    {
                        word.Append('"');
                    }
                    else
                    {
                        quoted = !quoted;
                    }

                    i++;
                }
                else
                {
                    word.Append('\\', backslashes);
                    if (i < line.Length && (quoted || line[i] is not (' ' or '\t')))
                    {
                        word.Append(line[i++]);
                    }
                }
            }

            words.Add(word.ToString());
        }
    }
}
