using System.Runtime.InteropServices;

namespace Harness.Plugins.LlamaCpp.Native;

/// <summary><c>struct llama_batch</c> (56 bytes on x64), passed by value to llama_decode.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaBatch
{
    public const int ExpectedSize = 56;

    public int NTokens;
    public int* Token;
    public float* Embd;
    public int* Pos;
    public int* NSeqId;
    public int** SeqId;
    public sbyte* Logits;
}

/// <summary><c>struct llama_chat_message</c>: two UTF-8 C strings.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaChatMessage
{
    public nint Role;
    public nint Content;
}
