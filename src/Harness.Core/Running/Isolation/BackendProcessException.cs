namespace Harness.Running.Isolation;

/// <summary>
/// The child process of an isolated backend ended (a native crash, an exit inside the plugin) or was
/// stopped because it hung past the timeout. The backend is failed; calls it finished stay recorded,
/// and <c>--resume</c> continues it.
/// </summary>
public sealed class BackendProcessException(string message) : Exception(message);

/// <summary>An isolated backend's call threw inside the child; carries the plugin's own exception type name.</summary>
internal sealed class RemoteCallException(string typeName, string message) : Exception(message)
{
    public string TypeName { get; } = typeName;
}
