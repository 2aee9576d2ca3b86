using Harness.Backends;

namespace Harness.Plugins.Shared.T5;

/// <summary>The settings of a T5 engine that decodes padded batches on cpu or cuda (Onnx, TorchSharp), read and checked once.</summary>
internal sealed record T5Settings(string ModelFolder, string Device, int Threads, int BatchSize, int MaxNewTokens, SelectionThresholds? Thresholds = null)
{
    /// <summary>
    /// The six options of such an engine, each declared once: listed by its factory
    /// (<see cref="List"/>) and read by <see cref="Read"/>. Each plugin says in its own words what
    /// its model folder holds, what cuda needs and what its threads are, and picks max_new_tokens' default.
    /// </summary>
    internal sealed class Options(string model, string device, string threads, int maxNewTokens)
    {
        private static readonly BackendOption<int> BatchSize = BackendOption.Int32("batch_size",
            "Most requests decoded together (padded, with attention masks); the runner's batch_size decides how many arrive at once.", 32, 1, 4096);

        private readonly BackendOption<string> _model = BackendOption.Required("model", model);
        private readonly BackendOption<string> _device = BackendOption.Choice("device", device, "cpu", "cpu", "cuda");
        private readonly BackendOption<int> _threads = T5Options.Threads(threads);
        private readonly BackendOption<int> _maxNewTokens = T5Options.MaxNewTokens(maxNewTokens);

        public IReadOnlyList<BackendOptionInfo> List => [_model.Info, _device.Info, _threads.Info, BatchSize.Info, _maxNewTokens.Info, SelectionThresholds.Option.Info];

        public T5Settings Read(BackendOptions options, BackendContext context) => new(
            context.ResolvePath(_model.Read(options)),
            _device.Read(options),
            _threads.Read(options),
            BatchSize.Read(options),
            _maxNewTokens.Read(options),
            SelectionThresholds.Read(options, context));
    }
}
