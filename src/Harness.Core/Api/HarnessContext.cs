using Harness.Metrics;

namespace Harness.Api;

/// <summary>
/// The harness as a library, as <c>MLContext</c> is ML.NET: one object whose catalogs do what
/// the <c>harness</c> command does, returning the same immutable results the reports are made of.
/// <list type="bullet">
/// <item><see cref="Data"/>: load and validate a dataset, read a predictions file.</item>
/// <item><see cref="Backends"/>: the plugins found, and a backend from one by name with options.</item>
/// <item><see cref="Evaluation"/>: run a backend over a dataset (or an eval.yaml), score predictions.</item>
/// <item><see cref="Comparison"/>: the paired-bootstrap difference of two results.</item>
/// <item><see cref="Gate"/>: a promotion policy's decision on a result.</item>
/// <item><see cref="Annotation"/>: the paper's reality check, a blind annotation study of a run and its summary.</item>
/// </list>
/// Bad input (a dataset row, an unknown plugin or option, a gate policy key) throws
/// <see cref="InputException"/> whose message names the file, line and field, as the command prints it.
/// The README's "As a library" section is a worked example (a test runs it).
/// </summary>
public sealed class HarnessContext
{
    /// <summary>A context with the command's defaults and the given bootstrap <paramref name="seed"/> (default <see cref="BootstrapOptions.DefaultSeed"/>).</summary>
    public HarnessContext(int? seed = null)
        : this(new HarnessContextOptions { Seed = seed ?? BootstrapOptions.DefaultSeed })
    {
    }

    /// <summary>A context set up by <paramref name="options"/>.</summary>
    public HarnessContext(HarnessContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Bootstrap = new BootstrapOptions(options.Seed);
        Data = new DataOperationsCatalog(this);
        Backends = new BackendOperationsCatalog(this);
        Evaluation = new EvaluationCatalog(this);
        Comparison = new ComparisonCatalog(this);
        Gate = new GateCatalog(this);
        Annotation = new AnnotationCatalog();
    }

    /// <summary>How this context was set up.</summary>
    public HarnessContextOptions Options { get; }

    /// <summary>The bootstrap every interval of this context is drawn with (its seed, 1,000 resamples).</summary>
    public BootstrapOptions Bootstrap { get; }

    /// <summary>Datasets and predictions files.</summary>
    public DataOperationsCatalog Data { get; }

    /// <summary>The backend plugins, and backends made from them.</summary>
    public BackendOperationsCatalog Backends { get; }

    /// <summary>Running backends over datasets, and scoring predictions.</summary>
    public EvaluationCatalog Evaluation { get; }

    /// <summary>Paired-bootstrap comparisons of results.</summary>
    public ComparisonCatalog Comparison { get; }

    /// <summary>Promotion decisions by a gate policy.</summary>
    public GateCatalog Gate { get; }

    /// <summary>Blind annotation studies of a run's edits, and their summaries.</summary>
    public AnnotationCatalog Annotation { get; }
}
