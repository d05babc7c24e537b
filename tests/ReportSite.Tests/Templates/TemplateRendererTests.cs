using System.Buffers;
using System.Text;
using ReportSite.Diagnostics;
using ReportSite.Templates;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Templates;

/// <summary>The renderer writes pages as UTF-8 bytes, through one reused Scriban context per thread.</summary>
public sealed class TemplateRendererTests : IDisposable
{
    private readonly string _theme = Directory.CreateTempSubdirectory("reportsite-theme-").FullName;

    public sealed record TextModel(string Text, IReadOnlyList<string> Rows);

    public TemplateRendererTests()
    {
        Directory.CreateDirectory(Path.Combine(_theme, "layouts"));
        Directory.CreateDirectory(Path.Combine(_theme, "i18n"));
        File.Copy(Path.Combine(Repo.Theme, "i18n", "en.yml"), Path.Combine(_theme, "i18n", "en.yml"));
        File.WriteAllText(Path.Combine(_theme, "layouts", "base.html"), "<main>{{ content }}</main>\n");
        File.WriteAllText(Path.Combine(_theme, "layouts", "page.html"), "<p>{{ text }}</p>{{ for row in rows }}<li>{{ row }}</li>{{ end }}");
    }

    public void Dispose() => Directory.Delete(_theme, recursive: true);

    private string Render(TemplateRenderer renderer, TextModel model)
    {
        var buffer = new ArrayBufferWriter<byte>();
        renderer.Render("page", model, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void A_page_is_encoded_as_utf8_with_every_value_html_escaped()
    {
        var renderer = Themes.Renderer(_theme, _theme);
        var html = Render(renderer, new TextModel("وثائق 😀 <script>&", ["a \"b\""]));
        // WebUtility.HtmlEncode writes characters outside the BMP as numeric references.
        Assert.Equal("<main><p>وثائق &#128512; &lt;script&gt;&amp;</p><li>a &quot;b&quot;</li></main>\n", html);
    }

    [Fact]
    public void A_page_over_scribans_one_megabyte_output_guard_is_written_whole()
    {
        // A 22,000-source report has a sources index of several MB; Scriban's default guard cut it at 1 MB with "...".
        var renderer = Themes.Renderer(_theme, _theme);
        var rows = Enumerable.Range(0, 30_000).Select(i => $"row {i:00000} الوثائق").ToList();
        var big = new string('x', 1_200_000);
        var html = Render(renderer, new TextModel(big, rows));
        Assert.StartsWith("<main><p>" + big + "</p>", html);
        Assert.EndsWith("<li>row 29999 الوثائق</li></main>\n", html);
        Assert.Equal(30_000, html.Split("<li>").Length - 1);
    }

    [Fact]
    public void Pages_rendered_one_after_another_on_one_thread_are_each_complete()
    {
        // The Scriban context is reused across pages: nothing it counts may carry over from one page to the next.
        var renderer = Themes.Renderer(_theme, _theme);
        for (var page = 0; page < 40; page++)
        {
            var text = $"page {page} " + new string('y', 60_000);
            var html = Render(renderer, new TextModel(text, [$"only {page}"]));
            Assert.Equal($"<main><p>{text}</p><li>only {page}</li></main>\n", html);
        }
    }
}
