using ReceiptGuard.E2E.Infrastructure;
using ReceiptGuard.Testing;
using ReceiptGuard.Testing.Images;

namespace ReceiptGuard.E2E;

/// <summary>The PNG codec against Chromium's: its screenshots decode to what was painted, and it paints our PNGs exactly.</summary>
[Collection(GuardBrowserGroup.Name)]
public sealed class ScreenshotCodecTests(GuardBrowser browser)
{
    [Fact]
    public Task A_chromium_screenshot_decodes_to_the_painted_colours() =>
        browser.RunAsync(nameof(A_chromium_screenshot_decodes_to_the_painted_colours), async page =>
        {
            await page.SetViewportSizeAsync(320, 200);
            await page.SetContentAsync("""
                <body style="margin:0;background:#fff">
                <div style="position:absolute;left:10px;top:20px;width:100px;height:50px;background:rgb(200,30,40)"></div>
                <div style="position:absolute;left:150px;top:100px;width:60px;height:60px;background:rgb(20,160,90)"></div>
                """);

            var shot = PngDecoder.Decode(await page.ScreenshotAsync());

            Assert.Equal((320, 200), (shot.Width, shot.Height));
            Assert.Equal(((byte)200, (byte)30, (byte)40, (byte)255), shot.GetPixel(60, 45));
            Assert.Equal(((byte)20, (byte)160, (byte)90, (byte)255), shot.GetPixel(180, 130));
            Assert.Equal(((byte)255, (byte)255, (byte)255, (byte)255), shot.GetPixel(300, 10));
        });

    [Fact]
    public Task Chromium_paints_our_pngs_pixel_for_pixel_with_every_filter() =>
        browser.RunAsync(nameof(Chromium_paints_our_pngs_pixel_for_pixel_with_every_filter), async page =>
        {
            var image = TestImages.Pattern(64, 48);
            await page.SetViewportSizeAsync(400, 100);
            var filters = Enum.GetValues<PngFilter>();
            var imgs = string.Concat(filters.Select((f, i) =>
                $"""<img style="position:absolute;left:{i * 70}px;top:0" src="data:image/png;base64,{Convert.ToBase64String(PngEncoder.Encode(image, f, opaque: true))}">"""));
            await page.SetContentAsync($"<body style=\"margin:0\">{imgs}");
            await page.EvaluateAsync("() => Promise.all([...document.images].map((i) => i.decode()))");

            for (var i = 0; i < filters.Length; i++)
            {
                var shot = await page.ScreenshotAsync(new() { Clip = new() { X = i * 70, Y = 0, Width = 64, Height = 48 } });
                var diff = PixelDiff.Compare(PngEncoder.Encode(image), shot, tolerance: 0);
                Assert.True(diff.DifferentPixels == 0, $"{filters[i]}: {diff}");
            }
        });
}
