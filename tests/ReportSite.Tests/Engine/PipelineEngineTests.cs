using ReportSite.Diagnostics;
using ReportSite.Engine;

namespace ReportSite.Tests.Engine;

public sealed class PipelineEngineTests
{
    private static PipelineContext NewContext() => new(new BuildSettings("/in", "/theme", "/"), new DiagnosticBag());

    private static Pipeline Producing(string name, params string[] dependsOn)
    {
        var pipeline = new Pipeline(name);
        pipeline.Dependencies.AddRange(dependsOn);
        pipeline.Input.Add(new FuncModule((_, _) => [new Document(name, null, name)]));
        return pipeline;
    }

    [Fact]
    public void Process_phases_run_after_their_dependencies_and_see_their_documents()
    {
        var order = new List<string>();
        var a = Producing("A");
        a.Process.Add(new FuncModule((docs, _) => { lock (order) order.Add("A"); Thread.Sleep(50); return docs; }));
        var b = Producing("B", "A");
        b.Process.Add(new FuncModule((docs, context) =>
        {
            lock (order) order.Add("B");
            // The dependency's processed documents are visible, with their typed model.
            return [.. docs, .. context.ProcessedBy("A")];
        }));

        var context = NewContext();
        new PipelineEngine([b, a]).Run(context);

        Assert.Equal(["A", "B"], order);
        Assert.Equal(["B", "A"], context.ProcessedBy("B").Select(d => d.ModelAs<string>()));
    }

    [Fact]
    public void Post_process_sees_every_pipeline_and_output_runs_last()
    {
        var seen = new List<string>();
        var a = Producing("A");
        var b = Producing("B");
        b.PostProcess.Add(new FuncModule((docs, context) =>
        {
            lock (seen) seen.AddRange(context.ProcessedBy("A").Select(d => d.ModelAs<string>()));
            return docs;
        }));
        var written = new List<string>();
        b.Output.Add(new FuncModule((docs, _) => { lock (written) written.AddRange(docs.Select(d => d.Source!)); return docs; }));

        new PipelineEngine([a, b]).Run(NewContext());

        Assert.Equal(["A"], seen);
        Assert.Equal(["B"], written);
    }

    [Fact]
    public void Output_does_not_run_when_a_phase_reported_an_error()
    {
        var a = Producing("A");
        a.Process.Add(new FuncModule((docs, context) =>
        {
            context.Diagnostics.Error(new SourceLocation("x", 1, 1), "RS9999", "boom");
            return docs;
        }));
        var postProcessed = false;
        var written = false;
        a.PostProcess.Add(new FuncModule((docs, _) => { postProcessed = true; return docs; }));
        a.Output.Add(new FuncModule((docs, _) => { written = true; return docs; }));

        new PipelineEngine([a]).Run(NewContext());

        Assert.True(postProcessed); // later phases still run, so all problems are reported
        Assert.False(written);
    }

    [Fact]
    public void Unknown_dependencies_and_cycles_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new PipelineEngine([Producing("A", "Missing")]));
        Assert.Throws<ArgumentException>(() => new PipelineEngine([Producing("A", "B"), Producing("B", "A")]));
        Assert.Throws<ArgumentException>(() => new PipelineEngine([Producing("A"), Producing("A")]));
    }

    [Fact]
    public void A_process_phase_cannot_read_a_pipeline_it_does_not_depend_on_before_it_ran()
    {
        var context = NewContext();
        Assert.Throws<InvalidOperationException>(() => context.ProcessedBy("Never"));
    }

    [Fact]
    public void Documents_are_immutable_records()
    {
        var document = new Document("a.md", null, "model");
        var changed = document with { Destination = "a.html" };
        Assert.Null(document.Destination);
        Assert.Equal("a.html", changed.Destination);
        Assert.Throws<InvalidOperationException>(() => document.ModelAs<List<int>>());
    }
}
