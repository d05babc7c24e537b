namespace ReportSite.Engine;

public enum Phase { Input, Process, PostProcess, Output }

/// <summary>
/// A named list of modules per phase, on Statiq's model:
/// <list type="bullet">
/// <item>Input runs for every pipeline at once (reading files);</item>
/// <item>Process runs once the Process phases of the pipelines named in <see cref="Dependencies"/> are done;</item>
/// <item>PostProcess runs after every Process phase and may read any pipeline's processed documents
/// (that is how a source page learns which claims cite it);</item>
/// <item>Output runs last and is the only phase that writes.</item>
/// </list>
/// Each phase starts from the documents the previous phase of the same pipeline produced.
/// </summary>
public sealed class Pipeline(string name)
{
    public string Name { get; } = name;
    public List<string> Dependencies { get; } = [];
    public List<IModule> Input { get; } = [];
    public List<IModule> Process { get; } = [];
    public List<IModule> PostProcess { get; } = [];
    public List<IModule> Output { get; } = [];

    public List<IModule> Modules(Phase phase) => phase switch
    {
        Phase.Input => Input,
        Phase.Process => Process,
        Phase.PostProcess => PostProcess,
        _ => Output,
    };
}
