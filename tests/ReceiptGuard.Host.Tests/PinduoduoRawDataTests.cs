using ReceiptGuard.Host.Parsing;
using ReceiptGuard.Host.Parsing.Platforms.Pinduoduo;

namespace ReceiptGuard.Host.Tests;

/// <summary>Cutting <c>window.rawData={…}</c> out of a script that goes on with other statements.</summary>
public sealed class PinduoduoRawDataTests
{
    [Fact]
    public void The_object_ends_at_its_matching_brace_whatever_its_strings_hold()
    {
        const string script = """window.rawData={"a":"满{10}减3 \"}\" 元","b":'}',"c":{"d":"\\"}};window.leo={"x":1};""";
        var start = script.IndexOf('{', StringComparison.Ordinal);
        Assert.Equal("""{"a":"满{10}减3 \"}\" 元","b":'}',"c":{"d":"\\"}}""", PddRawData.ObjectLiteralAt(script, start));
    }

    [Fact]
    public void An_unbalanced_object_is_none() => Assert.Null(PddRawData.ObjectLiteralAt("""{"a":{"b":1}""", 0));

    [Fact]
    public void Json_escapes_are_decoded()
    {
        var notes = new List<string>();
        var data = PddRawData.Find([new EmbeddedScript("text/javascript", """window.rawData = {"url":"https:\u002F\u002Fimg.pddpic.com","name":"\"oversize\" \u5bbd\u677e"} ;""")], notes);
        Assert.Empty(notes);
        Assert.Equal("https://img.pddpic.com", data!.Value.GetProperty("url").GetString());
        Assert.Equal("\"oversize\" 宽松", data.Value.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("var other = 1;", "the page has no window.rawData")]
    [InlineData("window.rawData={\"a\":", "window.rawData is cut short (its braces do not balance)")]
    [InlineData("window.rawData={a:undefined};", "window.rawData is not JSON")]
    public void A_missing_or_broken_object_is_a_note(string script, string note)
    {
        var notes = new List<string>();
        Assert.Null(PddRawData.Find([new EmbeddedScript("text/javascript", script)], notes));
        Assert.StartsWith(note, Assert.Single(notes), StringComparison.Ordinal);
    }
}
