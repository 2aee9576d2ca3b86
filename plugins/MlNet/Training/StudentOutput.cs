using Microsoft.ML.Data;

namespace Harness.Plugins.MlNet.Training;

/// <summary>What the saved model gives for one intent (the chain's output columns).</summary>
internal sealed class StudentOutput
{
    [ColumnName("used_adjust")]
    public float AdjustUsed { get; set; }

    [ColumnName("used_selective_adjust")]
    public float SelectiveUsed { get; set; }

    [ColumnName("used_filter")]
    public float FilterUsed { get; set; }

    /// <summary>The 14 adjust parameters, unrounded.</summary>
    [ColumnName("adjust")]
    public float[] Adjust { get; set; } = [];

    /// <summary>The 12 selective-adjust components, unrounded.</summary>
    [ColumnName("selective_adjust")]
    public float[] Selective { get; set; } = [];

    [ColumnName(StudentTask.FilterNameColumn)]
    public string FilterName { get; set; } = "";

    [ColumnName(StudentTask.IntensityColumn)]
    public float Intensity { get; set; }
}
