using System.Text;
using ReportSite.Engine;
using ExecutionContext = ReportSite.Engine.ExecutionContext;

namespace ReportSite.Pipelines;

/// <summary>The Output phase of every pipeline: writes each document that has a destination under the output root.</summary>
public sealed class WriteFiles : IModule
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, ExecutionContext context)
    {
        var root = Path.GetFullPath(context.Settings.OutputRoot);
        Parallel.ForEach(inputs.Where(d => d.Destination is not null && d.Content is not null), document =>
        {
            var path = Path.GetFullPath(Path.Combine(root, document.Destination!));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidOperationException($"Refusing to write outside the output folder: {document.Destination}");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            switch (document.Content)
            {
                case TextContent text: File.WriteAllText(path, text.Text, Utf8); break;
                case FileCopyContent copy: File.Copy(copy.AbsolutePath, path, overwrite: true); break;
            }
        });
        return inputs;
    }
}
