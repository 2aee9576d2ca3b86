using System.Runtime.InteropServices;
using Harness.Backends;

namespace Harness.TestPlugins.MisbehavingPlugin;

/// <summary>
/// A backend that answers <c>null</c> ("tool not used") to every request until its <c>fault</c>
/// option strikes: after <c>after</c> calls (or at start, for the start faults). Each fault is one
/// way a real plugin has been seen to break the process that hosts it.
/// </summary>
public sealed class MisbehavingBackendFactory : IBackendFactory
{
    public string Name => "Misbehaving";

    public string Description => "Misbehaves on request (test plugin).";

    public IReadOnlyList<BackendOptionInfo> Options =>
    [
        new("fault", "none, info-throws, create-null, create-hangs, dispose-hangs, generate-blocks, own-cancel, bad-tokens, bad-probability, stdout-noise, segfault, abort, exit", "none"),
        new("after", "Calls answered before a call-time fault strikes.", "0"),
    ];

    // The host may run this in a child process: a crash there must fail only this backend.
    public bool LoadsNativeCode => true;

    public Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        var fault = options.GetString("fault") ?? "none";
        switch (fault)
        {
            case "create-null":
                return Task.FromResult<IBackend>(null!);
            case "create-hangs":
                Thread.Sleep(Timeout.Infinite); // blocks before any await, ignoring the token
                break;
        }
        return Task.FromResult<IBackend>(new MisbehavingBackend(fault, options.GetInt32("after", 0, 0)));
    }
}

internal sealed class MisbehavingBackend(string fault, int after) : IBackend
{
    private int _calls;

    public BackendInfo Info => fault == "info-throws"
        ? throw new InvalidOperationException("Info is broken (test plugin)")
        : new BackendInfo("Misbehaving", "misbehaving-model", null, "cpu", SupportsBatching: true);

    public Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        if (_calls++ >= after)
        {
            switch (fault)
            {
                case "generate-blocks":
                    Thread.Sleep(TimeSpan.FromSeconds(30)); // synchronously, before any await
                    break;
                case "own-cancel":
                    throw new OperationCanceledException("the plugin cancelled itself");
                case "bad-tokens":
                    return Task.FromResult<IReadOnlyList<ToolResponse>>([.. requests.Select(_ => new ToolResponse("null", -5, int.MaxValue))]);
                case "bad-probability":
                    return Task.FromResult<IReadOnlyList<ToolResponse>>([.. requests.Select((_, i) => new ToolResponse("null", 4, 1,
                        NotUsedProbability: (i % 3) switch { 0 => double.NaN, 1 => 1.5, _ => 0.25 }))]);
                case "stdout-noise":
                    Console.WriteLine("a plugin printing to standard output");
                    break;
                case "segfault":
                    _ = Native.strlen(8); // a bad pointer read inside native code: SIGSEGV, as a native engine's bug would
                    break;
                case "abort":
                    Native.abort(); // as llama.cpp's GGML_ASSERT does
                    break;
                case "exit":
                    Environment.Exit(3);
                    break;
            }
        }
        return Task.FromResult<IReadOnlyList<ToolResponse>>([.. requests.Select(_ => new ToolResponse("null", 4, 1))]);
    }

    public ValueTask DisposeAsync()
    {
        if (fault == "dispose-hangs") Thread.Sleep(Timeout.Infinite);
        return ValueTask.CompletedTask;
    }
}

internal static partial class Native
{
    [LibraryImport("libc", EntryPoint = "strlen")]
    internal static partial nuint strlen(nint text);

    [LibraryImport("libc", EntryPoint = "abort")]
    internal static partial void abort();
}

/// <summary>A factory whose name is null: the host must refuse it alone and still load the others.</summary>
public sealed class NullNameFactory : IBackendFactory
{
    public string Name => null!;

    public string Description => "Has no name (test plugin).";

    public IReadOnlyList<BackendOptionInfo> Options => [];

    public Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}

/// <summary>A factory whose description and options throw.</summary>
public sealed class ThrowingMembersFactory : IBackendFactory
{
    public string Name => "ThrowingMembers";

    public string Description => throw new InvalidOperationException("Description is broken (test plugin)");

    public IReadOnlyList<BackendOptionInfo> Options => throw new InvalidOperationException("Options are broken (test plugin)");

    public Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
