#!/usr/bin/python3
"""Writes the reference token ids that SentencePiece itself gives for every intent of the
test split (and each as a prompt, and a few hard strings), with the fixture's spiece.model.
The plugin's tokenizer tests compare against them id for id.

    /usr/bin/python3 tools/onnx-fixture/make_tokenizer_reference.py
"""
import json
import os
import sys

import sentencepiece as spm

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tokenizer_files  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURE = os.path.join(REPO, "tests", "fixtures", "flan-t5-tiny")
TEST_SPLIT = os.path.join(REPO, "datasets", "tonal-color", "test.jsonl")
HARD = ["  golden   hour  ", "golden\thour\nnow", "ＧＯＬＤＥＮ hour", "café crème brûlée", "moody 🌙 night ✨✨",
        "sun-kissed, 80's vibe!", "", "   ", "x", "Ω≈ç√∫", "tool: filter\nintent: neon\u00a0city"]


def main(fixture=FIXTURE):
    sp = spm.SentencePieceProcessor(model_file=os.path.join(fixture, "spiece.model"))
    if os.path.exists(TEST_SPLIT):
        with open(TEST_SPLIT, encoding="utf-8") as f:
            intents = [json.loads(line)["intent"] for line in f if line.strip()]
        source = "datasets/tonal-color/test.jsonl"
    else:
        intents = tokenizer_files.FALLBACK_INTENTS
        source = "fallback intents (test split not built yet)"
    texts = [(t, "intent") for t in intents] + [(f"tool: adjust\nintent: {t}", "prompt") for t in intents] + [(t, "hard") for t in HARD]
    out = os.path.join(fixture, "tokenizer-reference.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for text, kind in texts:
            f.write(json.dumps({"kind": kind, "text": text, "ids": sp.encode(text) + [sp.eos_id()]}, ensure_ascii=False) + "\n")
    print(f"{len(texts)} texts from {source} -> {os.path.relpath(out, REPO)}")


if __name__ == "__main__":
    main()
