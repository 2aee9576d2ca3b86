#!/usr/bin/python3
"""Writes a random-weight model with flan-t5-small's shape (d_model 512, 8+8 layers, 6 heads,
d_ff 1024, vocabulary 32128) as both a Hugging Face checkpoint (config.json,
model.safetensors, the fixture's tokenizer) and the split ONNX export, into one folder, so
the HfT5 and Onnx plugins can be timed on the same weights. Not committed (about 1 GB).

    /usr/bin/python3 tools/onnx-fixture/make_small_checkpoint.py artifacts/flan-t5-small-random
"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export  # noqa: E402
import make_fixture  # noqa: E402


def main():
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "artifacts/flan-t5-small-random")
    os.makedirs(out, exist_ok=True)
    make_fixture.SIZES["small"] = (32128, 512, 64, 1024, 8, 6)
    model = make_fixture.build_model("small", 32128)
    with open(os.path.join(out, "config.json"), "w", encoding="utf-8") as f:
        json.dump(model.cfg.to_hf(), f, indent=2, sort_keys=True)
        f.write("\n")
    fixture = os.path.join(make_fixture.REPO, "tests", "fixtures", "flan-t5-tiny")
    for name in ("tokenizer.json", "spiece.model"):
        shutil.copy(os.path.join(fixture, name), os.path.join(out, name))
    make_fixture.write_safetensors(os.path.join(out, "model.safetensors"), model.hf_state_dict())
    export.export_all(model, out)
    print(out)


if __name__ == "__main__":
    main()
