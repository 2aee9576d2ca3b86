using System.Text;
using Harness.Backends;
using LLama;
using LLama.Exceptions;

namespace Harness.Plugins.LlamaCpp.Generation;

/// <summary>
/// Puts the per-tool prompt into the chat form the model was tuned on: Llama-2's
/// <c>[INST] &lt;&lt;SYS&gt;&gt;\n{system}\n&lt;&lt;/SYS&gt;&gt;\n\n{prompt} [/INST]</c> (the system block only
/// when a system prompt is set, as Meta's template does), the GGUF's own template
/// through llama.cpp's <c>llama_chat_apply_template</c> (LLamaSharp's <see cref="LLamaTemplate"/>),
/// or the prompt as it is.
/// </summary>
internal sealed class PromptRenderer
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

    // A template object per call: LLamaTemplate caches its result and is not thread-safe.
    private string ApplyGgufTemplate(string prompt)
    {
        var chat = new LLamaTemplate(_template) { AddAssistant = true };
        if (_system.Length > 0) chat.Add("system", _system);
        chat.Add("user", prompt);
        try
        {
            return Encoding.UTF8.GetString(chat.Apply());
        }
        catch (MissingTemplateException)
        {
            throw new BackendException($"option 'chat_template': llama.cpp does not recognise the chat template in {_model.Path}; use chat_template: llama2.");
        }
    }
}
