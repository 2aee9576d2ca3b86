using Harness.Backends;

namespace Harness.TestPlugins.ThrowingPlugin;

/// <summary>A factory that fails at load time, as a plugin with a broken dependency or static state would.</summary>
public sealed class ThrowingBackendFactory : IBackendFactory
{
    /// <summary>The message the host must report.</summary>
    public const string Message = "ThrowingPlugin refuses to load (test plugin)";

    public ThrowingBackendFactory() => throw new InvalidOperationException(Message);

    public string Name => "Throwing";

    public string Description => "Never loads.";

    public IReadOnlyList<BackendOptionInfo> Options => [];

    public Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
