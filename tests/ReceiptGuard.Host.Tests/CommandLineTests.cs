using ReceiptGuard.Host.Cli;

namespace ReceiptGuard.Host.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void No_command_means_run()
    {
        var cli = CommandLine.Parse(["--data", "/d", "--urls=http://127.0.0.1:1"]);
        Assert.Equal("run", cli.Command);
        Assert.Equal("/d", cli.Option("data"));
        Assert.Equal("http://127.0.0.1:1", cli.Option("urls"));
        Assert.Equal(["--data", "/d", "--urls=http://127.0.0.1:1"], cli.Rest);
    }

    [Fact]
    public void The_command_word_is_not_passed_on()
    {
        var cli = CommandLine.Parse(["run", "--urls", "http://127.0.0.1:2"]);
        Assert.Equal(["--urls", "http://127.0.0.1:2"], cli.Rest);
    }

    [Fact]
    public void An_unknown_command_or_an_option_without_value_is_an_error()
    {
        Assert.Throws<CommandLineException>(() => CommandLine.Parse(["frobnicate"]));
        Assert.Throws<CommandLineException>(() => CommandLine.Parse(["run", "--data"]));
    }

    [Theory]
    [InlineData("http://127.0.0.1:47831")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    [InlineData("http://127.0.0.1:0;http://[::1]:0")]
    public void Loopback_urls_are_accepted(string urls) => Assert.Null(LoopbackUrls.FindNonLoopback(urls));

    [Theory]
    [InlineData("http://0.0.0.0:47831")]
    [InlineData("http://*:47831")]
    [InlineData("http://+:47831")]
    [InlineData("http://192.168.1.10:47831")]
    [InlineData("http://127.0.0.1:1;http://example.com:80")]
    public void Other_addresses_are_refused(string urls) => Assert.NotNull(LoopbackUrls.FindNonLoopback(urls));

    [Fact]
    public void Data_folder_comes_from_the_command_line_then_configuration_then_the_default()
    {
        Assert.Equal(Path.GetFullPath("/a"), ReceiptGuardDefaults.ResolveDataDirectory("/a", "/b"));
        Assert.Equal(Path.GetFullPath("/b"), ReceiptGuardDefaults.ResolveDataDirectory(null, "/b"));
        var fallback = ReceiptGuardDefaults.ResolveDataDirectory(null, null);
        var expected = Environment.GetEnvironmentVariable(ReceiptGuardDefaults.DataEnvironmentVariable) is { Length: > 0 } env
            ? Path.GetFullPath(env)
            : ReceiptGuardDefaults.DefaultDataDirectory();
        Assert.Equal(expected, fallback);
    }
}
