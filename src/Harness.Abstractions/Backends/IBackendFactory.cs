namespace Harness.Backends;

/// <summary>
/// The entry point of a plugin: the host finds the public implementations of this
/// interface in a plugin assembly and creates backends through them.
/// </summary>
public interface IBackendFactory
{
    /// <summary>The name configs use to pick this backend (case-insensitive), e.g. <c>Onnx</c>.</summary>
    string Name { get; }

    /// <summary>One line on what this backend runs.</summary>
    string Description { get; }

    /// <summary>
    /// The options it understands, for <c>harness plugins</c> and for checking configs: the
    /// <see cref="BackendOption.Info"/> of each <see cref="BackendOption"/> the backend reads.
    /// </summary>
    IReadOnlyList<BackendOptionInfo> Options { get; }

    /// <summary>
    /// Whether the backend runs native code (an inference engine in C or C++). A native crash
    /// (a segfault, an abort) would end the harness with it, so such backends run in a child
    /// <c>harness</c> process unless the config says <c>isolation: in-process</c>.
    /// </summary>
    bool LoadsNativeCode => false;

    /// <summary>
    /// Whether the backend can answer an intent it has never seen (a model does). A backend that only
    /// replays recorded outputs by intent id (<c>Replay</c>: a predictions file, the teacher's column)
    /// says false, and <c>harness try</c> reports that it cannot answer a typed intent instead of starting it.
    /// </summary>
    bool AnswersNewIntents => true;

    /// <summary>
    /// Creates a ready backend (model loaded). Throws <see cref="BackendException"/>
    /// with a message for the user when the options or the model files are wrong.
    /// </summary>
    Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken);
}
