"""Merges Hugging Face's split T5 decoders (decoder_model.onnx, decoder_with_past_model.onnx)
into decoder_model_merged.onnx: an If on use_cache_branch over the two, the layout optimum
writes and transformers.js reads. Needs only the onnx package (no torch).

    python3 merge_decoders.py <folder with the split decoders> <decoder_model_merged.onnx to write>
"""
import json
import os
import sys

import onnx
from onnx import helper

OPSET = 14


def kv_names(prefix, n, with_encoder=True):
    names = []
    for i in range(n):
        names += [f"{prefix}.{i}.decoder.key", f"{prefix}.{i}.decoder.value"]
        if with_encoder:
            names += [f"{prefix}.{i}.encoder.key", f"{prefix}.{i}.encoder.value"]
    return names


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


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    folder, out = sys.argv[1], sys.argv[2]
    with open(os.path.join(folder, "config.json"), encoding="utf-8") as f:
        config = json.load(f)
    layers = config.get("num_decoder_layers", config["num_layers"])
    merge_decoders(os.path.join(folder, "decoder_model.onnx"), os.path.join(folder, "decoder_with_past_model.onnx"), out, layers)
