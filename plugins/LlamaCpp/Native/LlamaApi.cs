using System.Runtime.InteropServices;

namespace Harness.Plugins.LlamaCpp.Native;

/// <summary>
/// The llama.h / ggml-backend.h functions the plugin calls, bound by name from the
/// loaded libraries (<see cref="NativeLibrary.GetExport"/>), so nothing is resolved
/// until the library was found where the options say.
/// </summary>
internal sealed unsafe class LlamaApi
{
    public LlamaApi(nint llama, nint ggml)
    {
        Version = (delegate* unmanaged<byte*>)NativeLibrary.GetExport(llama, "llama_version");
        BackendInit = (delegate* unmanaged<void>)NativeLibrary.GetExport(llama, "llama_backend_init");
        LogSet = (delegate* unmanaged<nint, nint, void>)NativeLibrary.GetExport(llama, "llama_log_set");
        ModelDefaultParams = (delegate* unmanaged<LlamaModelParams>)NativeLibrary.GetExport(llama, "llama_model_default_params");
        ContextDefaultParams = (delegate* unmanaged<LlamaContextParams>)NativeLibrary.GetExport(llama, "llama_context_default_params");
        ModelLoadFromFile = (delegate* unmanaged<byte*, LlamaModelParams, nint>)NativeLibrary.GetExport(llama, "llama_model_load_from_file");
        ModelFree = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(llama, "llama_model_free");
        InitFromModel = (delegate* unmanaged<nint, LlamaContextParams, nint>)NativeLibrary.GetExport(llama, "llama_init_from_model");
        Free = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(llama, "llama_free");
        ModelGetVocab = (delegate* unmanaged<nint, nint>)NativeLibrary.GetExport(llama, "llama_model_get_vocab");
        ModelChatTemplate = (delegate* unmanaged<nint, byte*, byte*>)NativeLibrary.GetExport(llama, "llama_model_chat_template");
        ModelHasEncoder = (delegate* unmanaged<nint, byte>)NativeLibrary.GetExport(llama, "llama_model_has_encoder");
        VocabNTokens = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(llama, "llama_vocab_n_tokens");
        VocabIsEog = (delegate* unmanaged<nint, int, byte>)NativeLibrary.GetExport(llama, "llama_vocab_is_eog");
        VocabBos = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(llama, "llama_vocab_bos");
        Tokenize = (delegate* unmanaged<nint, byte*, int, int*, int, byte, byte, int>)NativeLibrary.GetExport(llama, "llama_tokenize");
        TokenToPiece = (delegate* unmanaged<nint, int, byte*, int, int, byte, int>)NativeLibrary.GetExport(llama, "llama_token_to_piece");
        ChatApplyTemplate = (delegate* unmanaged<byte*, LlamaChatMessage*, nuint, byte, byte*, int, int>)NativeLibrary.GetExport(llama, "llama_chat_apply_template");
        BatchInit = (delegate* unmanaged<int, int, int, LlamaBatch>)NativeLibrary.GetExport(llama, "llama_batch_init");
        BatchFree = (delegate* unmanaged<LlamaBatch, void>)NativeLibrary.GetExport(llama, "llama_batch_free");
        Decode = (delegate* unmanaged<nint, LlamaBatch, int>)NativeLibrary.GetExport(llama, "llama_decode");
        Encode = (delegate* unmanaged<nint, LlamaBatch, int>)NativeLibrary.GetExport(llama, "llama_encode");
        ModelDecoderStartToken = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(llama, "llama_model_decoder_start_token");
        GetLogitsIth = (delegate* unmanaged<nint, int, float*>)NativeLibrary.GetExport(llama, "llama_get_logits_ith");
        GetMemory = (delegate* unmanaged<nint, nint>)NativeLibrary.GetExport(llama, "llama_get_memory");
        MemorySeqRm = (delegate* unmanaged<nint, int, int, int, byte>)NativeLibrary.GetExport(llama, "llama_memory_seq_rm");
        MemoryClear = (delegate* unmanaged<nint, byte, void>)NativeLibrary.GetExport(llama, "llama_memory_clear");
        NCtxSeq = (delegate* unmanaged<nint, uint>)NativeLibrary.GetExport(llama, "llama_n_ctx_seq");
        MaxParallelSequences = (delegate* unmanaged<nuint>)NativeLibrary.GetExport(llama, "llama_max_parallel_sequences");
        PrintSystemInfo = (delegate* unmanaged<byte*>)NativeLibrary.GetExport(llama, "llama_print_system_info");
        BackendLoadAllFromPath = (delegate* unmanaged<byte*, void>)NativeLibrary.GetExport(ggml, "ggml_backend_load_all_from_path");
        BackendRegByName = (delegate* unmanaged<byte*, nint>)NativeLibrary.GetExport(ggml, "ggml_backend_reg_by_name");
        BackendDevCount = (delegate* unmanaged<nuint>)NativeLibrary.GetExport(ggml, "ggml_backend_dev_count");
    }

    public readonly delegate* unmanaged<byte*> Version;
    public readonly delegate* unmanaged<void> BackendInit;
    public readonly delegate* unmanaged<nint, nint, void> LogSet;
    public readonly delegate* unmanaged<LlamaModelParams> ModelDefaultParams;
    public readonly delegate* unmanaged<LlamaContextParams> ContextDefaultParams;
    public readonly delegate* unmanaged<byte*, LlamaModelParams, nint> ModelLoadFromFile;
    public readonly delegate* unmanaged<nint, void> ModelFree;
    public readonly delegate* unmanaged<nint, LlamaContextParams, nint> InitFromModel;
    public readonly delegate* unmanaged<nint, void> Free;
    public readonly delegate* unmanaged<nint, nint> ModelGetVocab;
    public readonly delegate* unmanaged<nint, byte*, byte*> ModelChatTemplate;
    public readonly delegate* unmanaged<nint, byte> ModelHasEncoder;
    public readonly delegate* unmanaged<nint, int> VocabNTokens;
    public readonly delegate* unmanaged<nint, int, byte> VocabIsEog;
    public readonly delegate* unmanaged<nint, int> VocabBos;
    public readonly delegate* unmanaged<nint, byte*, int, int*, int, byte, byte, int> Tokenize;
    public readonly delegate* unmanaged<nint, int, byte*, int, int, byte, int> TokenToPiece;
    public readonly delegate* unmanaged<byte*, LlamaChatMessage*, nuint, byte, byte*, int, int> ChatApplyTemplate;
    public readonly delegate* unmanaged<int, int, int, LlamaBatch> BatchInit;
    public readonly delegate* unmanaged<LlamaBatch, void> BatchFree;
    public readonly delegate* unmanaged<nint, LlamaBatch, int> Decode;
    public readonly delegate* unmanaged<nint, LlamaBatch, int> Encode;
    public readonly delegate* unmanaged<nint, int> ModelDecoderStartToken;
    public readonly delegate* unmanaged<nint, int, float*> GetLogitsIth;
    public readonly delegate* unmanaged<nint, nint> GetMemory;
    public readonly delegate* unmanaged<nint, int, int, int, byte> MemorySeqRm;
    public readonly delegate* unmanaged<nint, byte, void> MemoryClear;
    public readonly delegate* unmanaged<nint, uint> NCtxSeq;
    public readonly delegate* unmanaged<nuint> MaxParallelSequences;
    public readonly delegate* unmanaged<byte*> PrintSystemInfo;
    public readonly delegate* unmanaged<byte*, void> BackendLoadAllFromPath;
    public readonly delegate* unmanaged<byte*, nint> BackendRegByName;
    public readonly delegate* unmanaged<nuint> BackendDevCount;
}
