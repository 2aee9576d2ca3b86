using Harness.Metrics;
using Harness.Plugins;

namespace Harness.Api;

/// <summary>
/// How a <see cref="HarnessContext"/> is set up. Every property defaults to what the
/// <c>harness</c> command does, so a context made with <c>new()</c> sees what the command sees.
/// </summary>
public sealed record HarnessContextOptions
{
    /// <summary>
    /// The seed of every bootstrap interval the context computes (an evaluation's intervals, a
    /// comparison's paired intervals): the same seed gives the same intervals. Default
    /// <see cref="BootstrapOptions.DefaultSeed"/>, the seed of eval.yaml and <c>--seed</c>.
    /// </summary>
    public int Seed { get; init; } = BootstrapOptions.DefaultSeed;

    /// <summary>
    /// A folder of plugin folders (<c>&lt;Name&gt;/&lt;Name&gt;.dll</c>) searched before the
    /// command's own ones, as <c>--plugins</c> is; it must exist. Null searches only the defaults
    /// (see <see cref="PluginDirectories.Default"/>): <c>HARNESS_PLUGINS</c>, <c>plugins/</c>
    /// beside the harness and the repository's <c>bin/plugins/</c>.
    /// </summary>
    public string? PluginDirectory { get; init; }

    /// <summary>
    /// The backends to use instead of searching plugin folders, e.g. in-process factories
    /// (<see cref="BackendCatalog.Of"/>) in a test. Null searches the plugin folders.
    /// </summary>
    public BackendCatalog? Backends { get; init; }

    /// <summary>
    /// The folder that relative paths in backend options (a model, a train file) resolve against,
    /// as they resolve against eval.yaml's folder. Null: the current directory when an evaluation starts.
    /// </summary>
    public string? BaseDirectory { get; init; }
}
