"""Exports a T5 to the ONNX layout Hugging Face's exporter (optimum) writes:
encoder_model.onnx, decoder_model.onnx, decoder_with_past_model.onnx and
decoder_model_merged.onnx (an If on use_cache_branch over the two decoders)."""
import os

import torch
from torch import nn

from merge_decoders import OPSET, kv_names, merge_decoders  # noqa: F401 (merge_decoders: export.merge_decoders for callers)


class EncoderExport(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        return self.model.encode(input_ids, attention_mask)


def _flatten(presents, cross):
    out = []
    for (k, v), (ck, cv) in zip(presents, cross):
        out += [k, v, ck, cv]
    return out


class DecoderExport(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, encoder_attention_mask, input_ids, encoder_hidden_states):
        cross = self.model.cross_kv(encoder_hidden_states)
        logits, presents = self.model.decode(input_ids, encoder_attention_mask, cross)
        return tuple([logits] + _flatten(presents, cross))


class DecoderWithPastExport(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, encoder_attention_mask, *past):
        n = self.model.cfg.num_layers
        self_past = [(past[4 * i], past[4 * i + 1]) for i in range(n)]
        cross = [(past[4 * i + 2], past[4 * i + 3]) for i in range(n)]
        logits, presents = self.model.decode(input_ids, encoder_attention_mask, cross, self_past)
        out = [logits]
        for k, v in presents:
            out += [k, v]
        return tuple(out)


def export_all(model, out_dir):
    cfg = model.cfg
    n = cfg.num_layers
    b, s, t = 2, 5, 3
    ids = torch.randint(3, cfg.vocab_size, (b, s))
    mask = torch.ones(b, s, dtype=torch.long)
    dec_ids = torch.zeros(b, t, dtype=torch.long)
    with torch.no_grad():
        enc = model.encode(ids, mask)
    paths = {}

    def export(module, args, path, inputs, outputs, axes):
        torch.onnx.export(module, args, path, input_names=inputs, output_names=outputs,
                          dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True)
        paths[os.path.basename(path)] = path

    export(EncoderExport(model), (ids, mask), os.path.join(out_dir, "encoder_model.onnx"),
           ["input_ids", "attention_mask"], ["last_hidden_state"],
           {"input_ids": {0: "batch_size", 1: "encoder_sequence_length"},
            "attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
            "last_hidden_state": {0: "batch_size", 1: "encoder_sequence_length"}})

    present = kv_names("present", n)
    axes = {"encoder_attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
            "input_ids": {0: "batch_size", 1: "decoder_sequence_length"},
            "encoder_hidden_states": {0: "batch_size", 1: "encoder_sequence_length"},
            "logits": {0: "batch_size", 1: "decoder_sequence_length"}}
    for name in present:
        axes[name] = {0: "batch_size", 2: "decoder_sequence_length" if ".decoder." in name else "encoder_sequence_length"}
    export(DecoderExport(model), (mask, dec_ids, enc), os.path.join(out_dir, "decoder_model.onnx"),
           ["encoder_attention_mask", "input_ids", "encoder_hidden_states"], ["logits"] + present, axes)

    with torch.no_grad():
        cross = model.cross_kv(enc)
        _, presents = model.decode(dec_ids, mask, cross)
    past = _flatten(presents, cross)
    past_names = kv_names("past_key_values", n)
    out_names = kv_names("present", n, with_encoder=False)
    axes = {"input_ids": {0: "batch_size"},
            "encoder_attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
            "logits": {0: "batch_size"}}
    for name in past_names:
        axes[name] = {0: "batch_size", 2: "past_decoder_sequence_length" if ".decoder." in name else "encoder_sequence_length"}
    for name in out_names:
        axes[name] = {0: "batch_size", 2: "past_decoder_sequence_length + 1"}
    export(DecoderWithPastExport(model), tuple([dec_ids[:, :1], mask] + past),
           os.path.join(out_dir, "decoder_with_past_model.onnx"),
           ["input_ids", "encoder_attention_mask"] + past_names, ["logits"] + out_names, axes)
    return paths
