using System.Collections.Immutable;
using Harness.Tools;

namespace Harness.Plugins.MlNet.Training;

/// <summary>The kinds of model the student is made of, each picked a trainer for on its own.</summary>
internal enum TaskFamily
{
    /// <summary>Per tool, a binary classifier: does the teacher use it?</summary>
    Used,

    /// <summary>A multiclass classifier over the filter catalogue's names.</summary>
    FilterName,

    /// <summary>A regressor for the filter's intensity.</summary>
    Intensity,

    /// <summary>A regressor per adjust parameter (14).</summary>
    Adjust,

    /// <summary>A regressor per selective-adjust component (12).</summary>
    Selective,
}

/// <summary>What a trainer fits: a boolean, a class name or a number.</summary>
internal enum TaskKind { Binary, Multiclass, Regression }

/// <summary>
/// One model of the student: the output column it fills, what it learns, and which train
/// rows it learns from (a parameter only from rows where its tool is used, since quality is
/// measured only there).
/// </summary>
internal sealed record StudentTask(string Column, TaskFamily Family, Func<TrainRow, bool> Includes, Func<TrainRow, float> Number, Func<TrainRow, string> Name)
{
    public TaskKind Kind => Family switch
    {
        TaskFamily.Used => TaskKind.Binary,
        TaskFamily.FilterName => TaskKind.Multiclass,
        _ => TaskKind.Regression,
    };

    /// <summary>All 31 tasks: 3 used classifiers, the filter name, its intensity, 14 adjust and 12 selective-adjust parameters.</summary>
    public static ImmutableArray<StudentTask> All { get; } = Build();

    /// <summary>The output column of "is <paramref name="tool"/> used" (a probability).</summary>
    public static string UsedColumn(ToolName tool) => $"used_{tool.WireName()}";

    /// <summary>The output column of one numeric parameter, e.g. <c>adjust_exposure</c>, <c>selective_adjust_red_saturation</c>.</summary>
    public static string ParameterColumn(ToolName tool, string parameter) => $"{tool.WireName()}_{parameter.Replace('.', '_')}";

    public const string FilterNameColumn = "filter_name";

    public const string IntensityColumn = "filter_intensity";

    public static string FamilyName(TaskFamily family) => family switch
    {
        TaskFamily.Used => "used",
        TaskFamily.FilterName => "filter_name",
        TaskFamily.Intensity => "intensity",
        TaskFamily.Adjust => "adjust",
        _ => "selective_adjust",
    };

    private static ImmutableArray<StudentTask> Build()
    {
        static string NoName(TrainRow _) => "";
        static float NoNumber(TrainRow _) => 0;
        var tasks = ImmutableArray.CreateBuilder<StudentTask>();
        tasks.Add(new(UsedColumn(ToolName.Adjust), TaskFamily.Used, _ => true, r => r.Adjust is null ? 0 : 1, NoName));
        tasks.Add(new(UsedColumn(ToolName.SelectiveAdjust), TaskFamily.Used, _ => true, r => r.Selective is null ? 0 : 1, NoName));
        tasks.Add(new(UsedColumn(ToolName.Filter), TaskFamily.Used, _ => true, r => r.FilterName is null ? 0 : 1, NoName));
        tasks.Add(new(FilterNameColumn, TaskFamily.FilterName, r => r.FilterName is not null, NoNumber, r => r.FilterName!));
        tasks.Add(new(IntensityColumn, TaskFamily.Intensity, r => r.FilterName is not null, r => r.FilterIntensity, NoName));
        for (var i = 0; i < ToolSchema.AdjustParameters.Length; i++)
        {
            var k = i;
            tasks.Add(new(ParameterColumn(ToolName.Adjust, ToolSchema.AdjustParameters[k]), TaskFamily.Adjust, r => r.Adjust is not null, r => r.Adjust![k], NoName));
        }
        for (var i = 0; i < ToolSchema.SelectiveParameters.Length; i++)
        {
            var k = i;
            tasks.Add(new(ParameterColumn(ToolName.SelectiveAdjust, ToolSchema.SelectiveParameters[k]), TaskFamily.Selective, r => r.Selective is not null, r => r.Selective![k], NoName));
        }
        return tasks.ToImmutable();
    }
}
