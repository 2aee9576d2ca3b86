namespace Harness.Backends;

/// <summary>
/// A problem the user can fix (a missing model file, a bad option, a native library
/// that will not load). The harness prints its message as one line and exits 2;
/// the message should name the file or option and say what to do.
/// </summary>
public class BackendException : Exception
{
    public BackendException(string message) : base(message) { }

    public BackendException(string message, Exception innerException) : base(message, innerException) { }
}
