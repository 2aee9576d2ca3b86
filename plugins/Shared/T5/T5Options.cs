using Harness.Backends;

namespace Harness.Plugins.Shared.T5;

/// <summary>The options every T5 plugin (Onnx, HfT5, TorchSharp) reads alike, declared once.</summary>
internal static class T5Options
{
    /// <summary><c>threads</c>: 0 to 1024, default 0, whose meaning (<paramref name="description"/>) is the engine's.</summary>
    public static BackendOption<int> Threads(string description) => BackendOption.Int32("threads", description, 0, 0, 1024);

    /// <summary><c>max_new_tokens</c>, with the engine's default.</summary>
    public static BackendOption<int> MaxNewTokens(int defaultValue) => BackendOption.Int32("max_new_tokens",
        "Most tokens generated per request before stopping without </s>.", defaultValue, 1, 100_000);
}
