#!/usr/bin/python3
"""Packs a training work folder for transport: the weights without the optimiser state
(weights.npz, readable by any numpy), the tokenizer, the logs and the held-out score.

    python3 tools/distill/pack_run.py WORK_DIR OUT.tar.gz
"""
import io
import os
import sys
import tarfile

import numpy as np
import torch


def main(work, out):
    state = torch.load(os.path.join(work, "checkpoint.pt"), map_location="cpu")
    buffer = io.BytesIO()
    np.savez(buffer, **{k: v.detach().float().numpy() for k, v in state["model"].items()})
    with tarfile.open(out, "w:gz") as tar:
        info = tarfile.TarInfo("weights.npz")
        info.size = len(buffer.getvalue())
        tar.addfile(info, io.BytesIO(buffer.getvalue()))
        for name in sorted(os.listdir(work)):
            if name != "checkpoint.pt":
                tar.add(os.path.join(work, name), arcname=name)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
