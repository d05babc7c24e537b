namespace ReportSite.Engine;

/// <summary>One step of a pipeline phase: documents in, documents out.</summary>
public interface IModule
{
    IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, PipelineContext context);
}

/// <summary>A module from a function, for steps too small to deserve a class.</summary>
public sealed class FuncModule(Func<IReadOnlyList<Document>, PipelineContext, IReadOnlyList<Document>> execute) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, PipelineContext context) => execute(inputs, context);
}
