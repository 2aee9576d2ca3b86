namespace Harness.Running;

/// <summary>Where the runner reports progress: a progress bar on a terminal, plain lines when redirected.</summary>
public interface IProgressSink
{
    /// <summary>A backend starts a scenario of <paramref name="totalCalls"/> calls, <paramref name="doneCalls"/> of them already done (resume).</summary>
    void Begin(string label, string scenario, int totalCalls, int doneCalls);

    /// <summary><paramref name="calls"/> more calls finished.</summary>
    void Advance(int calls);

    /// <summary>The current scenario finished.</summary>
    void End();

    /// <summary>One line for the user (a backend that failed to start, a report written).</summary>
    void Log(string line);
}

/// <summary>Reports nothing (tests, embedding).</summary>
public sealed class NullProgressSink : IProgressSink
{
    public static NullProgressSink Instance { get; } = new();

    public void Begin(string label, string scenario, int totalCalls, int doneCalls) { }

    public void Advance(int calls) { }

    public void End() { }

    public void Log(string line) { }
}
