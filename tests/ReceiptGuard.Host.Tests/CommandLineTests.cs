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
    public void A_non_loopback_address_is_refused_without_the_flag_and_allowed_with_it_loudly()
    {
        var refusal = new StringWriter();
        Assert.Equal(2, RunCommand.CheckUrls("http://0.0.0.0:47831", allowNonLoopback: false, refusal));
        Assert.Contains("--allow-non-loopback", refusal.ToString(), StringComparison.Ordinal);

        var warning = new StringWriter();
        Assert.Null(RunCommand.CheckUrls("http://0.0.0.0:47831", allowNonLoopback: true, warning));
        Assert.StartsWith("WARNING:", warning.ToString(), StringComparison.Ordinal);
        Assert.Contains("0.0.0.0:47831", warning.ToString(), StringComparison.Ordinal);

        // Loopback needs no flag and prints nothing.
        var quiet = new StringWriter();
        Assert.Null(RunCommand.CheckUrls("http://127.0.0.1:47831", allowNonLoopback: false, quiet));
        Assert.Empty(quiet.ToString());
    }

    [Fact]
    public void The_allow_non_loopback_flag_takes_no_value()
    {
        var cli = CommandLine.Parse(["run", "--allow-non-loopback", "--urls", "http://0.0.0.0:1"]);
        Assert.Equal("true", cli.Option("allow-non-loopback"));
        Assert.Equal("http://0.0.0.0:1", cli.Option("urls"));
        Assert.Contains("--allow-non-loopback", CommandLine.Usage, StringComparison.Ordinal);
    }

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
