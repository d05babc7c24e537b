using System.Diagnostics;

namespace ReportSite.Engine;

/// <summary>How long each pipeline spent in each phase, for the build summary and benchmarks.</summary>
public sealed record PipelineTiming(string Pipeline, IReadOnlyDictionary<Phase, TimeSpan> Phases)
{
    public TimeSpan Elapsed => Phases.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
}

/// <summary>
/// Runs pipelines phase by phase (see <see cref="Pipeline"/>). Independent pipelines run in parallel;
/// Process phases wait for their dependencies. Before Output, every destination is checked against the others
/// (<see cref="Destinations"/>). If a phase reports errors, later phases still run so that
/// authors see every problem at once — except Output, which never runs on a failed build.
/// </summary>
public sealed class PipelineEngine
{
    private readonly IReadOnlyList<Pipeline> _pipelines;

    public PipelineEngine(IReadOnlyList<Pipeline> pipelines)
    {
        _pipelines = pipelines;
        Validate(pipelines);
    }

    public IReadOnlyList<PipelineTiming> Run(PipelineContext context, bool writeOutput = true)
    {
        var elapsed = _pipelines.ToDictionary(p => p.Name, _ => new long[4]);
        var current = _pipelines.ToDictionary(p => p.Name, _ => (IReadOnlyList<Document>)[]);

        IReadOnlyList<Document> RunPhase(Pipeline pipeline, Phase phase)
        {
            var watch = Stopwatch.StartNew();
            IReadOnlyList<Document> documents;
            lock (current) documents = current[pipeline.Name];
            foreach (var module in pipeline.Modules(phase))
                documents = module.Execute(documents, context);
            lock (elapsed) elapsed[pipeline.Name][(int)phase] += watch.ElapsedTicks;
            return documents;
        }

        void RunAll(Phase phase)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var results = new IReadOnlyList<Document>[_pipelines.Count];
            Parallel.For(0, _pipelines.Count, context.LoopOptions, i => results[i] = RunPhase(_pipelines[i], phase));
            for (var i = 0; i < _pipelines.Count; i++) current[_pipelines[i].Name] = results[i];
        }

        RunAll(Phase.Input);

        // Process: each pipeline starts as soon as its dependencies' Process phases have finished.
        var tasks = new Dictionary<string, Task>(StringComparer.Ordinal);
        foreach (var pipeline in TopologicalOrder(_pipelines))
        {
            var dependencies = pipeline.Dependencies.Select(d => tasks[d]).ToArray();
            tasks[pipeline.Name] = Task.WhenAll(dependencies).ContinueWith(_ =>
            {
                var processed = RunPhase(pipeline, Phase.Process);
                lock (current) current[pipeline.Name] = processed;
                context.RecordProcessed(pipeline.Name, processed);
            }, TaskScheduler.Default);
        }
        Task.WaitAll([.. tasks.Values], context.Cancellation);

        RunAll(Phase.PostProcess);
        var outputs = _pipelines.SelectMany(p => current[p.Name]).Where(d => d.Destination is not null).ToList();
        context.RecordOutputs(outputs);
        Destinations.Check(outputs, context.Diagnostics);
        if (writeOutput && !context.Diagnostics.HasErrors)
            RunAll(Phase.Output);

        return _pipelines
            .Select(p => new PipelineTiming(p.Name, Enum.GetValues<Phase>().ToDictionary(
                phase => phase, phase => TimeSpan.FromSeconds(elapsed[p.Name][(int)phase] / (double)Stopwatch.Frequency))))
            .ToList();
    }

    private static void Validate(IReadOnlyList<Pipeline> pipelines)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pipeline in pipelines)
            if (!names.Add(pipeline.Name))
                throw new ArgumentException($"Two pipelines are named '{pipeline.Name}'.");
        foreach (var pipeline in pipelines)
            foreach (var dependency in pipeline.Dependencies)
                if (!names.Contains(dependency))
                    throw new ArgumentException($"Pipeline '{pipeline.Name}' depends on unknown pipeline '{dependency}'.");
        _ = TopologicalOrder(pipelines);
    }

    /// <summary>Dependencies before dependents; throws on a cycle (a programming error, not an input error).</summary>
    internal static IReadOnlyList<Pipeline> TopologicalOrder(IReadOnlyList<Pipeline> pipelines)
    {
        var byName = pipelines.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var order = new List<Pipeline>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done

        void Visit(Pipeline pipeline)
        {
            if (state.TryGetValue(pipeline.Name, out var done))
            {
                if (!done) throw new ArgumentException($"Pipeline dependencies form a cycle through '{pipeline.Name}'.");
                return;
            }
            state[pipeline.Name] = false;
            foreach (var dependency in pipeline.Dependencies) Visit(byName[dependency]);
            state[pipeline.Name] = true;
            order.Add(pipeline);
        }

        foreach (var pipeline in pipelines) Visit(pipeline);
        return order;
    }
}
