using Harness.Backends;

namespace Harness.Plugins.Shared.T5;

/// <summary>Reads one model file, turning a reader's complaint into a <see cref="BackendException"/> that names the file.</summary>
internal static class CheckpointFile
{
    public static T Read<T>(string path, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (InvalidDataException e)
        {
            throw new BackendException($"{path}: {e.Message}.");
        }
        catch (IOException e)
        {
            throw new BackendException($"{path}: cannot be read ({e.Message}).");
        }
    }
}
