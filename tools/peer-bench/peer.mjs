// One peer engine, serving prompts over stdin/stdout for the side-by-side benchmark
// (tests/Harness.Benchmarks). Usage:
//   node peer.mjs transformers <model folder> <threads> <max_new_tokens>
//   node peer.mjs llama <model.gguf> <threads> <max_new_tokens> <sequences> <context_size>
// It prints one line {"ready": "<engine and version>"} once loaded, then answers each request
// line {"prompts": [...]} with {"texts": [...], "ms": <milliseconds spent generating>}.
// Greedy decoding everywhere. A prompt is the harness's per-tool prompt; the llama peer puts it
// into the LlamaCpp plugin's Llama-2 chat template, the transformers peer sends it as it is,
// as the Onnx plugin does.
import { createInterface } from "node:readline";
import { readFileSync } from "node:fs";
import path from "node:path";

const [engine, model, threadsArg, maxNewArg, sequencesArg, contextArg] = process.argv.slice(2);
const threads = Number(threadsArg);
const maxNewTokens = Number(maxNewArg);
const version = (pkg) => JSON.parse(readFileSync(new URL(`./node_modules/${pkg}/package.json`, import.meta.url))).version;

async function transformers() {
  const { AutoTokenizer, AutoModelForSeq2SeqLM, env } = await import("@huggingface/transformers");
  env.allowRemoteModels = false;
  env.localModelPath = path.dirname(path.resolve(model));
  const name = path.basename(path.resolve(model));
  const tokenizer = await AutoTokenizer.from_pretrained(name);
  const seq2seq = await AutoModelForSeq2SeqLM.from_pretrained(name, {
    device: "cpu",
    dtype: "fp32",
    // The same ONNX Runtime session settings as the Onnx plugin's: intra-op threads, one inter-op
    // thread, idle workers sleep instead of spinning.
    session_options: { intraOpNumThreads: threads, interOpNumThreads: 1, extra: { session: { intra_op: { allow_spinning: "0" } } } },
  });
  return {
    name: `transformers.js ${version("@huggingface/transformers")} (onnxruntime-node ${version("onnxruntime-node")})`,
    // One generate call per request batch, padded, as a transformers.js user batches.
    async generate(prompts) {
      const inputs = tokenizer(prompts, { padding: true });
      const ids = await seq2seq.generate({ ...inputs, max_new_tokens: maxNewTokens, do_sample: false, num_beams: 1 });
      // In a batch, generate keeps decoding a sequence past its </s> until every sequence has ended
      // (the tokens after it are the model's continuation, not padding): cut each at its first </s>.
      const eos = seq2seq.generation_config.eos_token_id;
      const cut = ids.tolist().map((row) => {
        const tokens = row.map(Number);
        const end = tokens.indexOf(eos, 1);
        return end < 0 ? tokens : tokens.slice(0, end);
      });
      return tokenizer.batch_decode(cut, { skip_special_tokens: true });
    },
  };
}

async function llama() {
  const { getLlama, LlamaCompletion } = await import("node-llama-cpp");
  const sequences = Number(sequencesArg);
  const runtime = await getLlama({ gpu: false, build: "never", logLevel: "error" });
  const gguf = await runtime.loadModel({ modelPath: path.resolve(model), gpuLayers: 0 });
  const context = await gguf.createContext({ sequences, contextSize: Number(contextArg) * sequences, threads, batchSize: 512 });
  const idle = Array.from({ length: sequences }, () => new LlamaCompletion({ contextSequence: context.getSequence() }));
  // The LlamaCpp plugin's template (chat_template: llama2, no system prompt) and its tokens:
  // BOS (which LlamaCompletion prepends), special tokens parsed.
  const render = (prompt) => `[INST] ${prompt.trim()} [/INST]`;
  const one = async (completion, prompt) => {
    const text = await completion.generateCompletion(gguf.tokenize(render(prompt), true), {
      maxTokens: maxNewTokens, temperature: 0, repeatPenalty: false,
    });
    return text.trim();
  };
  return {
    name: `node-llama-cpp ${version("node-llama-cpp")} (its prebuilt llama.cpp, binaries release ${runtime.llamaCppRelease.release})`,
    // As many prompts at once as there are sequences; node-llama-cpp batches their decodes.
    async generate(prompts) {
      const texts = new Array(prompts.length);
      let next = 0;
      const worker = async (completion) => {
        while (next < prompts.length) {
          const i = next++;
          texts[i] = await one(completion, prompts[i]);
        }
      };
      await Promise.all(idle.slice(0, Math.min(idle.length, prompts.length)).map(worker));
      return texts;
    },
  };
}

const peer = engine === "transformers" ? await transformers() : engine === "llama" ? await llama() : null;
if (peer === null) {
  console.error(`unknown engine '${engine}'; use transformers or llama`);
  process.exit(2);
}
process.stdout.write(JSON.stringify({ ready: peer.name }) + "\n");
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === "") continue;
  const { prompts } = JSON.parse(line);
  const start = performance.now();
  const texts = await peer.generate(prompts);
  process.stdout.write(JSON.stringify({ texts, ms: performance.now() - start }) + "\n");
}
