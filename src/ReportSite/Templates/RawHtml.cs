namespace ReportSite.Templates;

/// <summary>
/// HTML that templates write as it is (rendered Markdown). Everything else a template writes is HTML-encoded
/// by <see cref="HtmlTemplateContext"/>, so a value from YAML can never inject markup by accident.
/// </summary>
public sealed record RawHtml(string Html)
{
    public override string ToString() => Html;
}
