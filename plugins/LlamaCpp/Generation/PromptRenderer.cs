using System.Runtime.InteropServices;
using System.Text;
using Harness.Backends;

namespace Harness.Plugins.LlamaCpp.Generation;

/// <summary>
/// Puts the per-tool prompt into the chat form the model was tuned on: Llama-2's
/// <c>[INST] &lt;&lt;SYS&gt;&gt;\n{system}\n&lt;&lt;/SYS&gt;&gt;\n\n{prompt} [/INST]</c> (the system block only
/// when a system prompt is set, as Meta's template does), the GGUF's own template
/// through <c>llama_chat_apply_template</c>, or the prompt as it is.
/// </summary>
internal sealed unsafe class PromptRenderer
{
    private readonly LlamaModel _model;
    private readonly string _mode;
    private readonly string _system;
    private readonly string? _template;

    public PromptRenderer(LlamaModel model, string mode, string system, string source)
    {
        _model = model;
        _mode = mode;
        _system = system;
        if (mode == "gguf")
            _template = model.ChatTemplate ?? throw new BackendException(
                $"{source}: option 'chat_template' is gguf but {model.Path} carries no chat template; use chat_template: llama2.");
    }

    public string Render(string prompt) => _mode switch
    {
        "llama2" => _system.Length == 0
            ? $"[INST] {prompt.Trim()} [/INST]"
            : $"[INST] <<SYS>>\n{_system}\n<</SYS>>\n\n{prompt.Trim()} [/INST]",
        "gguf" => ApplyGgufTemplate(prompt),
        _ => prompt,
    };

    private string ApplyGgufTemplate(string prompt)
    {
        var strings = new List<nint>();
        try
        {
            nint Utf8(string s)
            {
                var p = Marshal.StringToCoTaskMemUTF8(s);
                strings.Add(p);
                return p;
            }
            var messages = new List<LlamaCpp.Native.LlamaChatMessage>();
            if (_system.Length > 0) messages.Add(new() { Role = Utf8("system"), Content = Utf8(_system) });
            messages.Add(new() { Role = Utf8("user"), Content = Utf8(prompt) });
            var chat = messages.ToArray();
            var template = Encoding.UTF8.GetBytes(_template + "\0");
            var buffer = new byte[4 * (prompt.Length + _system.Length + _template!.Length) + 256];
            int n;
            fixed (byte* t = template)
            fixed (LlamaCpp.Native.LlamaChatMessage* c = chat)
            {
                fixed (byte* b = buffer) n = _model.Library.Api.ChatApplyTemplate(t, c, (nuint)chat.Length, 1, b, buffer.Length);
                if (n > buffer.Length)
                {
                    buffer = new byte[n];
                    fixed (byte* b = buffer) n = _model.Library.Api.ChatApplyTemplate(t, c, (nuint)chat.Length, 1, b, buffer.Length);
                }
            }
            if (n < 0)
                throw new BackendException($"option 'chat_template': llama.cpp does not recognise the chat template in {_model.Path}; use chat_template: llama2.");
            return Encoding.UTF8.GetString(buffer, 0, n);
        }
        finally
        {
            foreach (var p in strings) Marshal.FreeCoTaskMem(p);
        }
    }
}
