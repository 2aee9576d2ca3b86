"""Exports a T5 to the ONNX layout Hugging Face's exporter (optimum) writes:
encoder_model.onnx, decoder_model.onnx, decoder_with_past_model.onnx and
decoder_model_merged.onnx (an If on use_cache_branch over the two decoders)."""
import os

import onnx
import torch
from onnx import helper
from torch import nn

OPSET = 14


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


def kv_names(prefix, n, with_encoder=True):
    names = []
    for i in range(n):
        names += [f"{prefix}.{i}.decoder.key", f"{prefix}.{i}.decoder.value"]
        if with_encoder:
            names += [f"{prefix}.{i}.encoder.key", f"{prefix}.{i}.encoder.value"]
    return names


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


def _prefixed_body(graph, prefix, outer_inputs):
    """The graph's nodes and initializers with every internal name prefixed, so two
    decoders can live side by side as If branches reading the outer graph's inputs."""
    def rename(name):
        return name if name in outer_inputs or name == "" else prefix + name

    body = onnx.GraphProto()
    body.name = prefix + graph.name
    for init in graph.initializer:
        copy = onnx.TensorProto()
        copy.CopyFrom(init)
        copy.name = rename(init.name)
        body.initializer.append(copy)
    for node in graph.node:
        copy = onnx.NodeProto()
        copy.CopyFrom(node)
        copy.name = prefix + node.name
        del copy.input[:]
        copy.input.extend(rename(x) for x in node.input)
        del copy.output[:]
        copy.output.extend(rename(x) for x in node.output)
        body.node.append(copy)
    return body, rename


def _rank(name):
    return 3 if name == "logits" else 4


def merge_decoders(no_past_path, with_past_path, out_path, num_layers):
    no_past = onnx.load(no_past_path).graph
    with_past = onnx.load(with_past_path).graph
    inputs = {}
    for value in list(no_past.input) + list(with_past.input):
        inputs.setdefault(value.name, value)
    outer = set(inputs)
    outputs = [o.name for o in no_past.output]

    def branch(graph, prefix):
        body, rename = _prefixed_body(graph, prefix, outer)
        produced = {o.name for o in graph.output}
        for name in outputs:
            source = rename(name) if name in produced else name.replace("present.", "past_key_values.")
            out = prefix + "out." + name
            body.node.append(helper.make_node("Identity", [source], [out], name=prefix + "id." + name))
            body.output.append(helper.make_tensor_value_info(out, onnx.TensorProto.FLOAT, [None] * _rank(name)))
        return body

    cache = branch(with_past, "with_past/")
    no_cache = branch(no_past, "no_past/")
    graph_inputs = [inputs[name] for name in
                    ["encoder_attention_mask", "input_ids", "encoder_hidden_states"] + kv_names("past_key_values", num_layers)]
    graph_inputs.append(helper.make_tensor_value_info("use_cache_branch", onnx.TensorProto.BOOL, [1]))
    node = helper.make_node("If", ["use_cache_branch"], outputs, name="optimum::if",
                            then_branch=cache, else_branch=no_cache)
    graph_outputs = [helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, [None] * _rank(name)) for name in outputs]
    graph = helper.make_graph([node], "merged_decoder", graph_inputs, graph_outputs)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="harness-onnx-fixture")
    model.ir_version = onnx.load(no_past_path).ir_version
    onnx.checker.check_model(model)
    onnx.save(model, out_path)
