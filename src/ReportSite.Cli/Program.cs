using ReportSite.Cli;
using Spectre.Console.Cli;

#pragma warning disable IL3050 // Spectre.Console.Cli builds commands by reflection. The release build is Native AOT:
// the project keeps every member of the command assemblies (TrimmerRootAssembly), and AotParityTests run the
// published binary.
var app = new CommandApp();
#pragma warning restore IL3050
app.Configure(config =>
{
    config.SetApplicationName("reportsite");
    config.PropagateExceptions();
    config.UseStrictParsing();
    config.AddCommand<BuildCommand>("build")
        .WithDescription("Build the report in INPUT (default: input/) into a static site (default: _site/).")
        .WithExample("build")
        .WithExample("build", "input", "--output", "_site");
    config.AddCommand<CheckCommand>("check")
        .WithDescription("Check the report in INPUT as build would, and write nothing.")
        .WithExample("check", "input");
    config.AddCommand<VerifyCommand>("verify")
        .WithDescription("Check a built or downloaded site against its manifest.json, and its evidence files against their records' SHA-256.")
        .WithExample("verify", "_site");
});

Interruption.Listen();
try
{
    return app.Run(args);
}
catch (CommandAppException error)
{
    // Usage errors (unknown command or option, missing value) exit with 2, as the CLI contract says.
    Console.Error.WriteLine($"reportsite: {ReportSite.Diagnostics.VisibleText.Of(error.Message)}"); // it may quote an argument
    Console.Error.WriteLine("Run 'reportsite --help' for usage.");
    return ExitCodes.Usage;
}
