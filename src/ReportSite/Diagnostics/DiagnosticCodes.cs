namespace ReportSite.Diagnostics;

/// <summary>
/// Stable diagnostic codes. Never renumber: authors and CI scripts match on them.
/// Every code is documented in docs/diagnostics.md.
/// </summary>
public static class DiagnosticCodes
{
    // RS00xx: input folder, files and YAML
    public const string InputFolderMissing = "RS0001";
    public const string YamlSyntax = "RS0002";
    public const string SiteConfigInvalid = "RS0003";
    public const string FileNotUtf8 = "RS0004";
    public const string OutputInsideInput = "RS0005";
    public const string NoSections = "RS0006";
    public const string OutputNotASite = "RS0007";
    public const string OutputWriteFailed = "RS0008";
    public const string OutputLocked = "RS0009";
    public const string LinkOutsideFolder = "RS0010";
    public const string BrokenLink = "RS0011";
    public const string NotARegularFile = "RS0012";
    public const string ControlCharacterInName = "RS0013";
    public const string InputFileUnreadable = "RS0014";
    public const string YamlTooDeep = "RS0015";
    public const string MarkdownTooDeep = "RS0016";
    public const string OutputNameTooLong = "RS0017";
    public const string OutputCollision = "RS0018";

    // RS01xx: citations and claims in Markdown
    public const string UnknownSourceKey = "RS0101";
    public const string EmptyCitation = "RS0102";
    public const string DuplicateClaimId = "RS0103";
    public const string InvalidClaimId = "RS0104";
    public const string UnsafeMarkdownUrl = "RS0105";
    public const string ScriptInMarkdown = "RS0106";
    public const string CitationWithoutClaim = "RS0107";
    public const string RawHtmlSwallowsPage = "RS0108";
    public const string RawHtmlOutsideSection = "RS0109";
    public const string CitationNotRead = "RS0110";
    public const string InTextKeyNearMiss = "RS0111";
    public const string InvalidBracedKey = "RS0112";

    // RS02xx: source records and corrections
    public const string MissingRequiredField = "RS0201";
    public const string UnknownSourceType = "RS0202";
    public const string UnknownVerification = "RS0203";
    public const string DuplicateSourceId = "RS0204";
    public const string InvalidDate = "RS0205";
    public const string UnsafeUrl = "RS0206";
    public const string FileNotFound = "RS0207";
    public const string FileOutsideInput = "RS0208";
    public const string Sha256Mismatch = "RS0209";
    public const string Sha256Malformed = "RS0210";
    public const string UnknownParent = "RS0211";
    public const string ParentCycle = "RS0212";
    public const string UnknownField = "RS0213";
    public const string SourceNotCited = "RS0214";
    public const string InvalidSourceId = "RS0215";
    public const string InvalidRecordShape = "RS0216";
    public const string UnknownDerivedFrom = "RS0221";
    public const string DerivedFromSelf = "RS0222";
    public const string DerivedFromCycle = "RS0223";
    public const string LookAlikeId = "RS0220"; // also claim ids and slugs: one check, one code
    public const string UnknownSensitivity = "RS0230";
    public const string WithheldWithoutReason = "RS0231";
    public const string WithheldFilePublished = "RS0232";
    // corrections.yml
    public const string CorrectionsNotAList = "RS0240";
    public const string CorrectionDateInvalid = "RS0241";
    public const string CorrectionTargetInvalid = "RS0242";
    public const string CorrectionTextMissing = "RS0243";
    public const string CorrectionUnknownClaim = "RS0244";
    public const string CorrectionUnknownSection = "RS0245";

    // RS03xx: sections
    public const string SectionMissingTitle = "RS0301";
    public const string DuplicateSlug = "RS0302";
    public const string DuplicateOrder = "RS0303";
    public const string FrontMatterNotClosed = "RS0304";
    public const string InvalidFrontMatter = "RS0305";
    public const string PossibleUncitedClaim = "RS0306";

    // RS04xx: the theme
    public const string ThemeFolderMissing = "RS0401";
    public const string TemplateSyntax = "RS0402";
    public const string ThemeStringsInvalid = "RS0403";
    public const string LayoutMissing = "RS0404";
    public const string TemplateRuntime = "RS0405";
    public const string UiStringsUntranslated = "RS0406";
    public const string ClaimContentNotOnce = "RS0407";
}
