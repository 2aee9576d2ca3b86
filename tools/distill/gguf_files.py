"""GGUF files of the students, written with llama.cpp's gguf-py.

T5: the encoder-decoder under llama.cpp's t5 tensor names, f32 (so llama.cpp computes with the
very weights the other engines read), and the SentencePiece unigram vocabulary as llama.cpp's
"t5" (UGM) tokenizer with its precompiled normaliser, as convert_hf_to_gguf writes it.
Llama: the llama-fixture's writer (Llama-2 chat template, SentencePiece BPE vocabulary).
"""
import importlib.util
import os

from sentencepiece import sentencepiece_model_pb2 as model_pb2

BUCKETS = 32
_HERE = os.path.dirname(os.path.abspath(__file__))


def _llama_fixture():
    path = os.path.join(_HERE, "..", "llama-fixture", "make_fixture.py")
    spec = importlib.util.spec_from_file_location("llama_fixture", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def t5_tensors(model):
    """{llama.cpp t5 tensor name: tensor} for a tools/onnx-fixture T5."""
    w = {"token_embd.weight": model.shared.weight, "enc.output_norm.weight": model.encoder_norm.weight,
         "dec.output_norm.weight": model.decoder_norm.weight, "output.weight": model.lm_head.weight}

    def attn(prefix, a):
        for n in ("q", "k", "v", "o"):
            w[f"{prefix}_{n}.weight"] = getattr(a, n).weight

    def ffn(prefix, f):
        w[prefix + "ffn_gate.weight"], w[prefix + "ffn_up.weight"], w[prefix + "ffn_down.weight"] = f.wi_0.weight, f.wi_1.weight, f.wo.weight

    for i, layer in enumerate(model.encoder_layers):
        p = f"enc.blk.{i}."
        w[p + "attn_norm.weight"] = layer.attn_norm.weight
        attn(p + "attn", layer.attn)
        if i == 0:
            w[p + "attn_rel_b.weight"] = layer.attn.relative_attention_bias.weight
        w[p + "ffn_norm.weight"] = layer.ff_norm.weight
        ffn(p, layer.ff)
    for i, layer in enumerate(model.decoder_layers):
        p = f"dec.blk.{i}."
        w[p + "attn_norm.weight"] = layer.self_norm.weight
        attn(p + "attn", layer.self_attn)
        if i == 0:
            w[p + "attn_rel_b.weight"] = layer.self_attn.relative_attention_bias.weight
        w[p + "cross_attn_norm.weight"] = layer.cross_norm.weight
        attn(p + "cross_attn", layer.cross_attn)
        w[p + "ffn_norm.weight"] = layer.ff_norm.weight
        ffn(p, layer.ff)
    return w


def write_t5(gguf, path, name, model, sp):
    cfg = model.cfg
    proto = model_pb2.ModelProto()
    proto.ParseFromString(sp.serialized_model_proto())
    writer = gguf.GGUFWriter(path, "t5")
    writer.add_name(name)
    writer.add_context_length(512)
    writer.add_embedding_length(cfg.d_model)
    writer.add_feed_forward_length(cfg.d_ff)
    writer.add_block_count(cfg.num_layers)
    writer.add_head_count(cfg.num_heads)
    writer.add_key_length(cfg.d_kv)
    writer.add_value_length(cfg.d_kv)
    writer.add_layer_norm_eps(cfg.eps)
    writer.add_layer_norm_rms_eps(cfg.eps)
    writer.add_relative_attn_buckets_count(cfg.num_buckets)
    writer.add_decoder_start_token_id(0)
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    writer.add_tokenizer_model("t5")
    writer.add_tokenizer_pre("default")
    writer.add_token_list([p.piece.encode("utf-8") for p in proto.pieces])
    writer.add_token_scores([p.score for p in proto.pieces])
    writer.add_token_types([int(p.type) for p in proto.pieces])  # SentencePiece's and GGUF's numbering agree
    writer.add_add_space_prefix(proto.normalizer_spec.add_dummy_prefix)
    writer.add_remove_extra_whitespaces(proto.normalizer_spec.remove_extra_whitespaces)
    writer.add_precompiled_charsmap(proto.normalizer_spec.precompiled_charsmap)
    writer.add_eos_token_id(1)
    writer.add_unk_token_id(2)
    writer.add_pad_token_id(0)
    writer.add_add_bos_token(False)
    writer.add_add_eos_token(True)
    for tensor_name, tensor in t5_tensors(model).items():
        writer.add_tensor(tensor_name, tensor.detach().float().contiguous().numpy())
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


class _LlamaShape:
    def __init__(self, name, cfg):
        self.name, self.context, self.dim, self.layers, self.ffn = name, cfg.context, cfg.dim, cfg.layers, cfg.ffn
        self.heads, self.kv_heads, self.eps, self.rope_base = cfg.heads, cfg.kv_heads, cfg.eps, cfg.rope_base


def write_llama(gguf, path, name, cfg, tensors, sp):
    fixture = _llama_fixture()
    fixture.write_gguf(gguf, path, _LlamaShape(name, cfg), {k: v.detach() for k, v in tensors.items()}, sp)
