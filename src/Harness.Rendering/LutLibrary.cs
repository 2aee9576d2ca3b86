namespace Harness.Rendering;

/// <summary>
/// A folder of <c>.cube</c> files, one per filter: <c>NAME.cube</c> is filter NAME. Each LUT
/// is read the first time it is needed; <see cref="CheckCovers"/> reads them all and names any
/// catalogue filter without one.
/// </summary>
public sealed class LutLibrary
{
    private readonly Dictionary<string, string> _paths;
    private readonly Dictionary<string, CubeLut> _loaded = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public LutLibrary(string folder)
    {
        if (!Directory.Exists(folder))
            throw new RenderingException($"{folder}: the LUT folder does not exist.");
        Folder = folder;
        _paths = Directory.EnumerateFiles(folder, "*.cube")
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => p, StringComparer.Ordinal);
    }

    public string Folder { get; }

    /// <summary>The filter names with a LUT, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _paths.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The LUT of a filter; an error naming the filter and the folder when there is none.</summary>
    public CubeLut Get(string name)
    {
        lock (_lock)
        {
            if (_loaded.TryGetValue(name, out var lut)) return lut;
            if (!_paths.TryGetValue(name, out var path))
                throw new RenderingException($"filter \"{name}\" has no LUT: {Path.Combine(Folder, name + ".cube")} does not exist.");
            lut = CubeFile.Read(path);
            _loaded[name] = lut;
            return lut;
        }
    }

    /// <summary>Reads the LUT of every catalogue name; one error listing the names with none.</summary>
    public void CheckCovers(IEnumerable<string> catalogue)
    {
        var missing = catalogue.Where(n => !_paths.ContainsKey(n)).ToList();
        if (missing.Count > 0)
            throw new RenderingException($"{Folder}: no LUT for {missing.Count} catalogue filter(s): {string.Join(", ", missing)} (each needs NAME.cube).");
        foreach (var name in catalogue) Get(name);
    }
}
