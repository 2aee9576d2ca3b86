using Microsoft.ML;
using Microsoft.ML.Data;

namespace Harness.Plugins.MlNet.Training;

/// <summary>
/// The rows a task learns from (or is scored on) as an <see cref="IDataView"/> of
/// <c>Features</c> and <c>Label</c>, typed for the task's kind.
/// </summary>
internal static class TaskData
{
    private sealed class BinaryExample
    {
        public VBuffer<float> Features;
        public bool Label;
    }

    private sealed class NumberExample
    {
        public VBuffer<float> Features;
        public float Label;
    }

    private sealed class NameExample
    {
        public VBuffer<float> Features;
        public string Label = "";
    }

    /// <summary>The rows <paramref name="task"/> includes, with their vectors and labels.</summary>
    public static IDataView Create(MLContext ml, StudentTask task, int dimension, IReadOnlyList<TrainRow> rows, IReadOnlyList<VBuffer<float>> vectors)
    {
        var picked = Enumerable.Range(0, rows.Count).Where(i => task.Includes(rows[i])).ToList();
        return task.Kind switch
        {
            TaskKind.Binary => Load(ml, dimension, picked.Select(i => new BinaryExample { Features = vectors[i], Label = task.Number(rows[i]) > 0 }).ToList()),
            TaskKind.Multiclass => Load(ml, dimension, picked.Select(i => new NameExample { Features = vectors[i], Label = task.Name(rows[i]) }).ToList()),
            _ => Load(ml, dimension, picked.Select(i => new NumberExample { Features = vectors[i], Label = task.Number(rows[i]) }).ToList()),
        };
    }

    /// <summary>Vectors alone (labels unset), to be scored.</summary>
    public static IDataView Unlabelled(MLContext ml, int dimension, IEnumerable<VBuffer<float>> vectors) =>
        Load(ml, dimension, vectors.Select(v => new NumberExample { Features = v }).ToList());

    private static IDataView Load<T>(MLContext ml, int dimension, List<T> examples)
        where T : class
    {
        var schema = SchemaDefinition.Create(typeof(T));
        schema[TrainerCatalog.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        return ml.Data.LoadFromEnumerable(examples, schema);
    }
}
