using System.Collections.Immutable;
using System.Text.Json;
using Harness.Backends;
using Harness.Plugins.Shared;
using Harness.Tools;

namespace Harness.Plugins.MlNet.Training;

/// <summary>One train row as numbers: which tools the teacher used and with what.</summary>
/// <param name="Id">The row's id.</param>
/// <param name="Intent">The user's words.</param>
/// <param name="Adjust">The 14 adjust parameters in canonical order; null when adjust is not used.</param>
/// <param name="Selective">The 12 selective-adjust components in canonical order; null when not used.</param>
/// <param name="FilterName">The teacher's filter name; null when filter is not used.</param>
/// <param name="FilterIntensity">The filter's intensity (0 when not used).</param>
internal sealed record TrainRow(string Id, string Intent, float[]? Adjust, float[]? Selective, string? FilterName, float FilterIntensity);

/// <summary>
/// The train split read for training. Rows are checked as the Retrieval plugin checks them
/// (a string id and intent, a teacher object keyed by tool), and more strictly where the
/// numbers are learnt from: a used tool must be an object whose parameters are numbers, and a
/// filter name must be in the catalogue. A row that breaks this is a
/// <see cref="BackendException"/> naming the file, the line and the field.
/// </summary>
internal sealed class TrainSet
{
    private TrainSet(string path, ImmutableArray<TrainRow> rows, ImmutableArray<string> filters)
    {
        Path = path;
        Rows = rows;
        Filters = filters;
    }

    public string Path { get; }

    public ImmutableArray<TrainRow> Rows { get; }

    /// <summary>The filter catalogue, in file order.</summary>
    public ImmutableArray<string> Filters { get; }

    /// <summary>Reads <paramref name="path"/> with the catalogue <paramref name="filtersPath"/>.</summary>
    public static TrainSet Load(string path, string filtersPath)
    {
        var filters = LoadCatalogue(filtersPath);
        var known = filters.ToHashSet(StringComparer.Ordinal);
        var rows = ImmutableArray.CreateBuilder<TrainRow>();
        foreach (var (line, row) in JsonLines.Read(path))
        {
            var id = JsonLines.String(row, "id", path, line);
            var intent = JsonLines.String(row, "intent", path, line);
            if (!row.TryGetProperty("teacher", out var teacher))
                throw new BackendException($"{path}:{line}: field 'teacher' is missing; 'train' must be a dataset split.");
            if (teacher.ValueKind != JsonValueKind.Object)
                throw new BackendException($"{path}:{line}: field 'teacher' must be an object keyed by tool.");
            var at = new Where(path, line);
            var adjust = Vector(teacher, ToolName.Adjust, at);
            var selective = Vector(teacher, ToolName.SelectiveAdjust, at);
            var (name, intensity) = Filter(teacher, known, filtersPath, at);
            rows.Add(new TrainRow(id, intent, adjust, selective, name, intensity));
        }
        if (rows.Count == 0) throw new BackendException($"{path}: the train split is empty.");
        CheckBothClasses(path, rows);
        return new TrainSet(path, rows.ToImmutable(), filters);
    }

    /// <summary>The catalogue: one name per line, blank lines and <c>#</c> comments skipped (as the harness reads it).</summary>
    public static ImmutableArray<string> LoadCatalogue(string path)
    {
        if (!File.Exists(path))
            throw new BackendException($"{path}: filter catalogue not found; put filters.txt beside the train split or set option 'filters'.");
        var names = File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return names.Length > 0 ? names : throw new BackendException($"{path}: the filter catalogue names no filter.");
    }

    // A "used" classifier needs rows of both answers, the filter-name classifier two names.
    private static void CheckBothClasses(string path, IReadOnlyList<TrainRow> rows)
    {
        foreach (var task in StudentTask.All.Where(t => t.Family == TaskFamily.Used))
        {
            var used = rows.Count(r => task.Number(r) > 0);
            if (used == 0 || used == rows.Count)
                throw new BackendException(
                    $"{path}: {(used == 0 ? "no row" : "every row")} uses {task.Column["used_".Length..]}; the student learns from rows that use each tool and rows that do not.");
        }
        var names = rows.Select(r => r.FilterName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 1)
            throw new BackendException($"{path}: every row that uses filter names '{names[0]}'; the filter-name classifier needs two names or more.");
    }

    private readonly record struct Where(string Path, int Line)
    {
        public BackendException Error(string field, string problem) => new($"{Path}:{Line}: {field} {problem}.");
    }

    private static bool Used(JsonElement teacher, ToolName tool, Where at, out JsonElement value)
    {
        if (!teacher.TryGetProperty(tool.WireName(), out value) || value.ValueKind == JsonValueKind.Null) return false;
        if (value.ValueKind != JsonValueKind.Object)
            throw at.Error($"teacher.{tool.WireName()}", "must be an object or null");
        return true;
    }

    // Missing parameters are 0, as the harness parses outputs; present ones must be numbers.
    private static float[]? Vector(JsonElement teacher, ToolName tool, Where at)
    {
        if (!Used(teacher, tool, at, out var value)) return null;
        var field = $"teacher.{tool.WireName()}";
        if (tool == ToolName.Adjust)
            return [.. ToolSchema.AdjustParameters.Select(p => Number(value, p, $"{field}.{p}", at))];
        var vector = new List<float>(ToolSchema.SelectiveParameters.Length);
        foreach (var colour in ToolSchema.SelectiveColors)
        {
            var present = value.TryGetProperty(colour, out var channels) && channels.ValueKind != JsonValueKind.Null;
            if (present && channels.ValueKind != JsonValueKind.Object) throw at.Error($"{field}.{colour}", "must be an object");
            vector.AddRange(ToolSchema.SelectiveChannels.Select(c => present ? Number(channels, c, $"{field}.{colour}.{c}", at) : 0f));
        }
        return [.. vector];
    }

    private static float Number(JsonElement parent, string name, string field, Where at) =>
        !parent.TryGetProperty(name, out var v) ? 0f
        : v.ValueKind == JsonValueKind.Number ? (float)v.GetDouble()
        : throw at.Error(field, $"must be a number, not {v.ValueKind.ToString().ToLowerInvariant()}");

    private static (string? Name, float Intensity) Filter(JsonElement teacher, HashSet<string> known, string filtersPath, Where at)
    {
        if (!Used(teacher, ToolName.Filter, at, out var value)) return (null, 0);
        if (!value.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
            throw at.Error("teacher.filter.name", "must be a string");
        var text = name.GetString()!.Trim();
        if (!known.Contains(text))
            throw at.Error("teacher.filter.name", $"'{text}' is not in the filter catalogue {filtersPath}");
        return (text, Number(value, "intensity", "teacher.filter.intensity", at));
    }
}
