#!/usr/bin/python3
"""Turns a trained student (a work folder of train_t5.py / train_llama.py, or its packed
.tar.gz from pack_run.py) into the model folder the harness reads, with its model card.

    /usr/bin/python3 tools/distill/package.py t5 RUN models/flan-t5-student --llama-cpp LLAMA_CPP
    /usr/bin/python3 tools/distill/package.py llama RUN models/llama-student --llama-cpp LLAMA_CPP

t5 writes a Hugging Face checkpoint folder (config.json, model.safetensors, tokenizer.json,
spiece.model, generation_config.json), its ONNX export in optimum's split layout (onnx/) and
a T5 GGUF; llama writes a Llama GGUF carrying the Llama-2 chat template and its safetensors
checkpoint (GGUF tensor names). Both write train_log.json and the card (card.json, README.md).
LLAMA_CPP is a llama.cpp source tree; only its gguf-py is used (see tools/llama-fixture).
"""
import argparse
import json
import os
import shutil
import sys
import tarfile
import tempfile

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "onnx-fixture"))
import export  # noqa: E402
import gguf_files  # noqa: E402
import llama_model  # noqa: E402
import model_card  # noqa: E402
import t5_model  # noqa: E402
import tokenizer_files  # noqa: E402
from make_fixture import write_safetensors  # noqa: E402  (onnx-fixture's writer)


def unpack(run, tmp):
    if os.path.isdir(run):
        return run
    with tarfile.open(run) as tar:
        tar.extractall(tmp)
    return tmp


def weights(folder):
    """The trained weights: weights.npz of a packed run, else the work folder's checkpoint."""
    packed = os.path.join(folder, "weights.npz")
    if not os.path.exists(packed):
        return torch.load(os.path.join(folder, "checkpoint.pt"), map_location="cpu")["model"]
    with np.load(packed) as npz:
        return {k: torch.from_numpy(npz[k].copy()) for k in npz.files}


def package_t5(run, out, gguf):
    import sentencepiece as spm
    summary = json.load(open(os.path.join(run, "dev_score.json"), encoding="utf-8"))
    hf = summary["config"]
    cfg = t5_model.Config(hf["vocab_size"], hf["d_model"], hf["d_kv"], hf["d_ff"], hf["num_layers"], hf["num_heads"])
    model = t5_model.T5(cfg)
    model.load_state_dict(weights(run))
    model.eval()
    sp = spm.SentencePieceProcessor(model_file=os.path.join(run, "spiece.model"))
    with open(os.path.join(out, "config.json"), "w", encoding="utf-8") as f:
        json.dump(cfg.to_hf(), f, indent=2, sort_keys=True)
        f.write("\n")
    with open(os.path.join(out, "generation_config.json"), "w", encoding="utf-8") as f:
        json.dump({"decoder_start_token_id": 0, "eos_token_id": 1, "pad_token_id": 0, "max_new_tokens": 64,
                   "do_sample": False}, f, indent=2, sort_keys=True)
        f.write("\n")
    shutil.copy(os.path.join(run, "spiece.model"), os.path.join(out, "spiece.model"))
    tokenizer_files.write_tokenizer_json(sp, os.path.join(out, "tokenizer.json"))
    write_safetensors(os.path.join(out, "model.safetensors"), model.hf_state_dict())
    onnx_dir = os.path.join(out, "onnx")
    os.makedirs(onnx_dir)
    export.export_all(model, onnx_dir)
    for name in ("config.json", "tokenizer.json"):
        shutil.copy(os.path.join(out, name), os.path.join(onnx_dir, name))
    name = os.path.basename(os.path.normpath(out))
    if gguf is not None:
        gguf_files.write_t5(gguf, os.path.join(out, name + ".gguf"), name, model, sp)
    return summary


def package_llama(run, out, gguf):
    import sentencepiece as spm
    summary = json.load(open(os.path.join(run, "dev_score.json"), encoding="utf-8"))
    c = summary["config"]
    cfg = llama_model.Config(c["vocab_size"], c["dim"], c["layers"], c["heads"], c["kv_heads"], c["ffn"], c["context"],
                             c["rms_eps"], c["rope_base"])
    model = llama_model.Llama(cfg)
    model.load_state_dict(weights(run))
    sp = spm.SentencePieceProcessor(model_file=os.path.join(run, "tokenizer.model"))
    shutil.copy(os.path.join(run, "tokenizer.model"), os.path.join(out, "tokenizer.model"))
    with open(os.path.join(out, "config.json"), "w", encoding="utf-8") as f:
        json.dump(cfg.to_json(), f, indent=2, sort_keys=True)
        f.write("\n")
    write_safetensors(os.path.join(out, "model.safetensors"), model.gguf_tensors())
    name = os.path.basename(os.path.normpath(out))
    gguf_files.write_llama(gguf, os.path.join(out, name + ".gguf"), name, cfg, model.gguf_tensors(), sp)
    return summary


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=("t5", "llama"))
    ap.add_argument("run", help="work folder or packed .tar.gz")
    ap.add_argument("out", help="model folder to (re)write")
    ap.add_argument("--llama-cpp", help="llama.cpp source tree (its gguf-py writes the GGUF); without it, no GGUF (t5 only)")
    ap.add_argument("--trained-on", default="", help="where it was trained, for the card (e.g. 'one NVIDIA H200')")
    a = ap.parse_args()
    gguf = None
    if a.llama_cpp:
        sys.path.insert(0, os.path.join(a.llama_cpp, "gguf-py"))
        import gguf
    elif a.kind == "llama":
        ap.error("--llama-cpp is needed to write the Llama student's GGUF")
    torch.manual_seed(0)
    with tempfile.TemporaryDirectory() as tmp:
        run = unpack(a.run, tmp)
        if os.path.isdir(a.out):
            shutil.rmtree(a.out)
        os.makedirs(a.out)
        summary = (package_t5 if a.kind == "t5" else package_llama)(run, a.out, gguf)
        shutil.copy(os.path.join(run, "train_log.json"), os.path.join(a.out, "train_log.json"))
    model_card.write(a.out, a.kind, summary, a.trained_on)


if __name__ == "__main__":
    main()
