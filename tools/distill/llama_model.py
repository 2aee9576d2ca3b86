"""A Llama-architecture decoder in plain PyTorch, laid out as llama.cpp reads it.

RMS norm, rotary positions on adjacent pairs (llama.cpp's "normal" RoPE for the llama
architecture, so no q/k permutation is needed when writing the GGUF), grouped-query
attention, SwiGLU feed-forward, an untied output head. Parameter names are the GGUF tensor
names, so the state dict is written to the GGUF as it is.
"""
import math

import torch
from torch import nn


class Config:
    def __init__(self, vocab_size, dim, layers, heads, kv_heads, ffn, context=512, eps=1e-5, rope_base=10000.0):
        self.vocab_size, self.dim, self.layers, self.heads, self.kv_heads = vocab_size, dim, layers, heads, kv_heads
        self.ffn, self.context, self.eps, self.rope_base = ffn, context, eps, rope_base

    def to_json(self):
        return {"architecture": "llama", "vocab_size": self.vocab_size, "dim": self.dim, "layers": self.layers,
                "heads": self.heads, "kv_heads": self.kv_heads, "ffn": self.ffn, "context": self.context,
                "rms_eps": self.eps, "rope_base": self.rope_base}


def rms_norm(x, weight, eps):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight


def rope(x, positions, base):
    """x: [B, T, H, D]; positions: [B, T]. Rotates (x0, x1), (x2, x3), ..."""
    d = x.shape[-1]
    inv = base ** (-torch.arange(0, d, 2, dtype=torch.float32, device=x.device) / d)
    ang = positions[..., None].float() * inv
    cos, sin = torch.cos(ang)[:, :, None, :], torch.sin(ang)[:, :, None, :]
    x0, x1 = x[..., 0::2], x[..., 1::2]
    return torch.stack([x0 * cos - x1 * sin, x0 * sin + x1 * cos], dim=-1).flatten(-2)


class Llama(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        hd = cfg.dim // cfg.heads
        self.w = nn.ParameterDict()
        self._names = {}

        def add(name, *shape, std=None, ones=False):
            p = nn.Parameter(torch.ones(*shape) if ones else torch.randn(*shape) * std)
            key = name.replace(".", "__")
            self.w[key] = p
            self._names[name] = key

        add("token_embd.weight", cfg.vocab_size, cfg.dim, std=0.02)
        add("output_norm.weight", cfg.dim, ones=True)
        add("output.weight", cfg.vocab_size, cfg.dim, std=cfg.dim ** -0.5)
        out_std = 0.02 / math.sqrt(2 * cfg.layers)
        for i in range(cfg.layers):
            p = f"blk.{i}."
            add(p + "attn_norm.weight", cfg.dim, ones=True)
            add(p + "attn_q.weight", cfg.heads * hd, cfg.dim, std=0.02)
            add(p + "attn_k.weight", cfg.kv_heads * hd, cfg.dim, std=0.02)
            add(p + "attn_v.weight", cfg.kv_heads * hd, cfg.dim, std=0.02)
            add(p + "attn_output.weight", cfg.dim, cfg.heads * hd, std=out_std)
            add(p + "ffn_norm.weight", cfg.dim, ones=True)
            add(p + "ffn_gate.weight", cfg.ffn, cfg.dim, std=0.02)
            add(p + "ffn_up.weight", cfg.ffn, cfg.dim, std=0.02)
            add(p + "ffn_down.weight", cfg.dim, cfg.ffn, std=out_std)

    def p(self, name):
        return self.w[self._names[name]]

    def gguf_tensors(self):
        """{GGUF tensor name: tensor}."""
        return {name: self.w[key] for name, key in self._names.items()}

    def forward(self, ids, positions, key_mask):
        """ids, positions, key_mask: [B, T] (key_mask 1 for real tokens). Returns logits [B, T, V]."""
        cfg = self.cfg
        b, t = ids.shape
        hd = cfg.dim // cfg.heads
        x = self.p("token_embd.weight")[ids]
        causal = torch.ones(t, t, dtype=torch.bool, device=ids.device).tril()
        allowed = causal[None, None] & key_mask[:, None, None, :].bool()
        bias = torch.zeros(b, 1, t, t, device=ids.device).masked_fill(~allowed, float("-inf"))
        rep = cfg.heads // cfg.kv_heads
        for i in range(cfg.layers):
            p = f"blk.{i}."
            h = rms_norm(x, self.p(p + "attn_norm.weight"), cfg.eps)
            q = rope((h @ self.p(p + "attn_q.weight").T).view(b, t, cfg.heads, hd), positions, cfg.rope_base)
            k = rope((h @ self.p(p + "attn_k.weight").T).view(b, t, cfg.kv_heads, hd), positions, cfg.rope_base)
            v = (h @ self.p(p + "attn_v.weight").T).view(b, t, cfg.kv_heads, hd)
            k, v = k.repeat_interleave(rep, dim=2), v.repeat_interleave(rep, dim=2)
            att = torch.einsum("bqhd,bkhd->bhqk", q, k) / math.sqrt(hd) + bias
            att = torch.softmax(att.float(), -1).nan_to_num(0.0)
            o = torch.einsum("bhqk,bkhd->bqhd", att, v).reshape(b, t, cfg.heads * hd)
            x = x + o @ self.p(p + "attn_output.weight").T
            h = rms_norm(x, self.p(p + "ffn_norm.weight"), cfg.eps)
            g = torch.nn.functional.silu(h @ self.p(p + "ffn_gate.weight").T) * (h @ self.p(p + "ffn_up.weight").T)
            x = x + g @ self.p(p + "ffn_down.weight").T
        return rms_norm(x, self.p("output_norm.weight"), cfg.eps) @ self.p("output.weight").T
