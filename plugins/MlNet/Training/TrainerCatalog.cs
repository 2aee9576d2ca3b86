using System.Collections.Immutable;
using Harness.Backends;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Harness.Plugins.MlNet.Training;

/// <summary>
/// The trainers a task can be fitted with, by name: the linear ones (<c>sdca</c>: stochastic dual
/// coordinate ascent; <c>lbfgs</c>: L-BFGS logistic regression / maximum entropy) and the boosted
/// trees (<c>fasttree</c>, <c>lightgbm</c>). Each reads the <c>Features</c> column and a
/// <c>Label</c> column (bool, string or float for binary, multiclass and regression tasks).
/// </summary>
internal sealed class TrainerCatalog(MLContext ml, int threads, int seed)
{
    public const string Features = "Features";
    public const string Label = "Label";

    private int? Threads => threads > 0 ? threads : null;

    // SDCA's threads race on shared weights, so its result varies run to run with more than one;
    // it is fast enough on one that the model can stay reproducible for a seed.
    private const int SdcaThreads = 1;

    /// <summary>The trainer names each kind of task can use, linear first.</summary>
    public static ImmutableArray<string> Names(TaskKind kind) => kind switch
    {
        TaskKind.Binary => ["sdca", "lbfgs", "fasttree", "lightgbm"],
        TaskKind.Multiclass => ["sdca", "lbfgs", "lightgbm"],
        _ => ["sdca", "fasttree", "lightgbm"],
    };

    /// <summary>Whether <paramref name="name"/> is a tree ensemble (the rest are linear).</summary>
    public static bool IsTrees(string name) => name is "fasttree" or "lightgbm";

    /// <summary>Fits <paramref name="trainer"/> on <paramref name="data"/> and returns the predictor (the transformer that scores <c>Features</c>).</summary>
    public ITransformer Fit(TaskKind kind, string trainer, IDataView data)
    {
        var epochs = SdcaEpochs(data.GetRowCount() ?? 1);
        ITransformer fitted = kind switch
        {
            TaskKind.Binary => Binary(trainer, epochs).Fit(data),
            TaskKind.Multiclass => ml.Transforms.Conversion.MapValueToKey(Label).Append(Multiclass(trainer, epochs)).Fit(data).LastTransformer,
            _ => Regression(trainer, epochs).Fit(data),
        };
        return fitted;
    }

    // SDCA's own default is 3 x 500,000 / rows epochs: 750,000 for 2 rows, minutes of work when the
    // duality gap never closes. Capped at 1,000, which leaves every task of 1,500 rows or more
    // exactly as SDCA would train it.
    private static int SdcaEpochs(long rows) => (int)Math.Min(1000, 3 * Math.Max(1, 500_000 / Math.Max(1, rows)));

    private IEstimator<ITransformer> Binary(string trainer, int epochs) => trainer switch
    {
        "sdca" => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = SdcaThreads, MaximumNumberOfIterations = epochs }),
        "lbfgs" => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { NumberOfThreads = Threads }),
        "fasttree" => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { NumberOfThreads = Threads, Seed = seed }),
        "lightgbm" => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options { NumberOfThreads = Threads, Seed = seed, Silent = true }),
        _ => throw Unknown(TaskKind.Binary, trainer),
    };

    private IEstimator<ITransformer> Multiclass(string trainer, int epochs) => trainer switch
    {
        "sdca" => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = SdcaThreads, MaximumNumberOfIterations = epochs }),
        "lbfgs" => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = Threads }),
        "lightgbm" => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options { NumberOfThreads = Threads, Seed = seed, Silent = true }),
        _ => throw Unknown(TaskKind.Multiclass, trainer),
    };

    private IEstimator<ITransformer> Regression(string trainer, int epochs) => trainer switch
    {
        "sdca" => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { NumberOfThreads = SdcaThreads, MaximumNumberOfIterations = epochs }),
        "fasttree" => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options { NumberOfThreads = Threads, Seed = seed }),
        "lightgbm" => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options { NumberOfThreads = Threads, Seed = seed, Silent = true }),
        _ => throw Unknown(TaskKind.Regression, trainer),
    };

    private static BackendException Unknown(TaskKind kind, string trainer) =>
        new($"option 'trainers': '{trainer}' cannot train a {kind.ToString().ToLowerInvariant()} task; use one of {string.Join(", ", Names(kind))}.");
}
