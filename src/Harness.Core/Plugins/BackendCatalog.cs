using System.Collections.Immutable;
using Harness.Backends;

namespace Harness.Plugins;

/// <summary>
/// The backends a run can use, by name (case-insensitive). An unknown name is an
/// error that lists the valid ones.
/// </summary>
public sealed class BackendCatalog
{
    private readonly Dictionary<string, LoadedBackend> _byName = new(StringComparer.OrdinalIgnoreCase);

    public BackendCatalog(IEnumerable<LoadedBackend> backends)
    {
        foreach (var backend in backends)
            _byName.TryAdd(backend.Name, backend);
    }

    /// <summary>A catalog of in-process factories (tests, embedding).</summary>
    public static BackendCatalog Of(params IBackendFactory[] factories) =>
        new(factories.Select(f => new LoadedBackend(f.Name, "in-process", AppContext.BaseDirectory, f, fromFolder: false)));

    /// <summary>Valid names, sorted.</summary>
    public ImmutableArray<string> Names => [.. _byName.Values.Select(b => b.Name).Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The backend named <paramref name="name"/>, or null.</summary>
    public LoadedBackend? TryFind(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The backend named <paramref name="name"/>; throws <see cref="InputException"/> listing the valid names.</summary>
    public LoadedBackend Find(string name, string where) =>
        TryFind(name) ?? throw new InputException(
            $"{where}: unknown plugin '{name}'; valid: {(Names.IsEmpty ? "(none found; build the plugins or pass --plugins DIR)" : string.Join(", ", Names))}.");
}
