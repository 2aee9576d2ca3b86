"""A T5 v1.1 (FlanT5 family) encoder-decoder in plain PyTorch.

Conventions: RMS layer norm without bias or mean, gated-GELU feed-forward (tanh GELU),
relative position buckets in the first layer of each stack (shared by the later ones),
no 1/sqrt(d) score scaling, an untied LM head, decoder start token = pad (0).
Parameter names follow Hugging Face's T5ForConditionalGeneration so the safetensors
checkpoint reads like theirs.
"""
import math

import torch
from torch import nn


class Config:
    def __init__(self, vocab_size, d_model, d_kv, d_ff, num_layers, num_heads,
                 num_buckets=32, max_distance=128, eps=1e-6):
        self.vocab_size = vocab_size
        self.d_model = d_model
        self.d_kv = d_kv
        self.d_ff = d_ff
        self.num_layers = num_layers
        self.num_heads = num_heads
        self.num_buckets = num_buckets
        self.max_distance = max_distance
        self.eps = eps

    def to_hf(self):
        return {
            "architectures": ["T5ForConditionalGeneration"],
            "d_ff": self.d_ff,
            "d_kv": self.d_kv,
            "d_model": self.d_model,
            "decoder_start_token_id": 0,
            "dense_act_fn": "gelu_new",
            "eos_token_id": 1,
            "feed_forward_proj": "gated-gelu",
            "is_encoder_decoder": True,
            "is_gated_act": True,
            "layer_norm_epsilon": self.eps,
            "model_type": "t5",
            "num_decoder_layers": self.num_layers,
            "num_heads": self.num_heads,
            "num_layers": self.num_layers,
            "pad_token_id": 0,
            "relative_attention_max_distance": self.max_distance,
            "relative_attention_num_buckets": self.num_buckets,
            "tie_word_embeddings": False,
            "use_cache": True,
            "vocab_size": self.vocab_size,
        }


class RmsNorm(nn.Module):
    def __init__(self, d, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        variance = x.pow(2).mean(-1, keepdim=True)
        return self.weight * (x * torch.rsqrt(variance + self.eps))


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


def relative_position_bucket(relative_position, bidirectional, num_buckets, max_distance):
    buckets = torch.zeros_like(relative_position)
    if bidirectional:
        num_buckets //= 2
        buckets = buckets + (relative_position > 0).to(torch.long) * num_buckets
        relative_position = torch.abs(relative_position)
    else:
        relative_position = -torch.min(relative_position, torch.zeros_like(relative_position))
    max_exact = num_buckets // 2
    is_small = relative_position < max_exact
    large = max_exact + (
        torch.log(relative_position.float().clamp(min=1) / max_exact)
        / math.log(max_distance / max_exact) * (num_buckets - max_exact)).to(torch.long)
    large = torch.min(large, torch.full_like(large, num_buckets - 1))
    return buckets + torch.where(is_small, relative_position, large)


class Attention(nn.Module):
    def __init__(self, cfg, has_bias, bidirectional):
        super().__init__()
        inner = cfg.num_heads * cfg.d_kv
        self.q = nn.Linear(cfg.d_model, inner, bias=False)
        self.k = nn.Linear(cfg.d_model, inner, bias=False)
        self.v = nn.Linear(cfg.d_model, inner, bias=False)
        self.o = nn.Linear(inner, cfg.d_model, bias=False)
        self.cfg = cfg
        self.bidirectional = bidirectional
        if has_bias:
            self.relative_attention_bias = nn.Embedding(cfg.num_buckets, cfg.num_heads)

    def split(self, x):
        b = x.shape[0]
        return x.view(b, -1, self.cfg.num_heads, self.cfg.d_kv).transpose(1, 2)

    def position_bias(self, query_length, key_length, query_offset):
        device = self.relative_attention_bias.weight.device
        context = torch.arange(query_length, dtype=torch.long, device=device)[:, None] + query_offset
        memory = torch.arange(key_length, dtype=torch.long, device=device)[None, :]
        buckets = relative_position_bucket(memory - context, self.bidirectional,
                                           self.cfg.num_buckets, self.cfg.max_distance)
        return self.relative_attention_bias(buckets).permute(2, 0, 1).unsqueeze(0)

    def forward(self, q_in, k, v, bias):
        """q_in: [B, T, D]; k, v: [B, H, S, dk] already projected; bias: [B or 1, H or 1, T, S]."""
        q = self.split(self.q(q_in))
        scores = torch.matmul(q, k.transpose(2, 3)) + bias
        weights = torch.softmax(scores.float(), dim=-1).type_as(scores)
        out = torch.matmul(weights, v).transpose(1, 2).reshape(q_in.shape[0], -1, self.cfg.num_heads * self.cfg.d_kv)
        return self.o(out)


class FeedForward(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.wi_0 = nn.Linear(cfg.d_model, cfg.d_ff, bias=False)
        self.wi_1 = nn.Linear(cfg.d_model, cfg.d_ff, bias=False)
        self.wo = nn.Linear(cfg.d_ff, cfg.d_model, bias=False)

    def forward(self, x):
        return self.wo(gelu_new(self.wi_0(x)) * self.wi_1(x))


def mask_bias(mask):
    """[B, S] of 1/0 -> additive [B, 1, 1, S]."""
    return (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min


class EncoderLayer(nn.Module):
    def __init__(self, cfg, first):
        super().__init__()
        self.attn_norm = RmsNorm(cfg.d_model, cfg.eps)
        self.attn = Attention(cfg, first, bidirectional=True)
        self.ff_norm = RmsNorm(cfg.d_model, cfg.eps)
        self.ff = FeedForward(cfg)

    def forward(self, x, bias):
        h = self.attn_norm(x)
        x = x + self.attn(h, self.attn.split(self.attn.k(h)), self.attn.split(self.attn.v(h)), bias)
        return x + self.ff(self.ff_norm(x))


class DecoderLayer(nn.Module):
    def __init__(self, cfg, first):
        super().__init__()
        self.self_norm = RmsNorm(cfg.d_model, cfg.eps)
        self.self_attn = Attention(cfg, first, bidirectional=False)
        self.cross_norm = RmsNorm(cfg.d_model, cfg.eps)
        self.cross_attn = Attention(cfg, False, bidirectional=True)
        self.ff_norm = RmsNorm(cfg.d_model, cfg.eps)
        self.ff = FeedForward(cfg)

    def forward(self, x, self_bias, cross_bias, past_k, past_v, cross_k, cross_v):
        h = self.self_norm(x)
        k = self.self_attn.split(self.self_attn.k(h))
        v = self.self_attn.split(self.self_attn.v(h))
        if past_k is not None:
            k = torch.cat([past_k, k], dim=2)
            v = torch.cat([past_v, v], dim=2)
        x = x + self.self_attn(h, k, v, self_bias)
        x = x + self.cross_attn(self.cross_norm(x), cross_k, cross_v, cross_bias)
        return x + self.ff(self.ff_norm(x)), k, v


class T5(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.shared = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.encoder_layers = nn.ModuleList([EncoderLayer(cfg, i == 0) for i in range(cfg.num_layers)])
        self.encoder_norm = RmsNorm(cfg.d_model, cfg.eps)
        self.decoder_layers = nn.ModuleList([DecoderLayer(cfg, i == 0) for i in range(cfg.num_layers)])
        self.decoder_norm = RmsNorm(cfg.d_model, cfg.eps)
        self.lm_head = nn.Linear(cfg.d_model, cfg.vocab_size, bias=False)

    def encode(self, input_ids, attention_mask):
        x = self.shared(input_ids)
        s = input_ids.shape[1]
        bias = self.encoder_layers[0].attn.position_bias(s, s, 0) + mask_bias(attention_mask)
        for layer in self.encoder_layers:
            x = layer(x, bias)
        return self.encoder_norm(x)

    def cross_kv(self, encoder_hidden_states):
        out = []
        for layer in self.decoder_layers:
            a = layer.cross_attn
            out.append((a.split(a.k(encoder_hidden_states)), a.split(a.v(encoder_hidden_states))))
        return out

    def decode(self, input_ids, encoder_attention_mask, cross, past=None):
        """Returns logits and the self-attention (key, value) of every layer, past included."""
        x = self.shared(input_ids)
        t = input_ids.shape[1]
        offset = 0 if past is None else past[0][0].shape[2]
        first = self.decoder_layers[0].self_attn
        self_bias = first.position_bias(t, t + offset, offset)
        if past is None:
            causal = torch.tril(torch.ones(t, t, dtype=torch.float32, device=x.device))
            self_bias = self_bias + (1.0 - causal)[None, None] * torch.finfo(torch.float32).min
        cross_bias = mask_bias(encoder_attention_mask)
        presents = []
        for i, layer in enumerate(self.decoder_layers):
            pk, pv = (None, None) if past is None else past[i]
            x, k, v = layer(x, self_bias, cross_bias, pk, pv, cross[i][0], cross[i][1])
            presents.append((k, v))
        return self.lm_head(self.decoder_norm(x)), presents

    def hf_state_dict(self):
        """The parameters under Hugging Face T5ForConditionalGeneration names."""
        out = {"shared.weight": self.shared.weight,
               "encoder.embed_tokens.weight": self.shared.weight,
               "decoder.embed_tokens.weight": self.shared.weight,
               "encoder.final_layer_norm.weight": self.encoder_norm.weight,
               "decoder.final_layer_norm.weight": self.decoder_norm.weight,
               "lm_head.weight": self.lm_head.weight}

        def attn(prefix, a):
            for n in ("q", "k", "v", "o"):
                out[f"{prefix}.{n}.weight"] = getattr(a, n).weight
            if hasattr(a, "relative_attention_bias"):
                out[f"{prefix}.relative_attention_bias.weight"] = a.relative_attention_bias.weight

        def ff(prefix, f):
            for n in ("wi_0", "wi_1", "wo"):
                out[f"{prefix}.DenseReluDense.{n}.weight"] = getattr(f, n).weight

        for i, layer in enumerate(self.encoder_layers):
            p = f"encoder.block.{i}.layer"
            attn(f"{p}.0.SelfAttention", layer.attn)
            out[f"{p}.0.layer_norm.weight"] = layer.attn_norm.weight
            ff(f"{p}.1", layer.ff)
            out[f"{p}.1.layer_norm.weight"] = layer.ff_norm.weight
        for i, layer in enumerate(self.decoder_layers):
            p = f"decoder.block.{i}.layer"
            attn(f"{p}.0.SelfAttention", layer.self_attn)
            out[f"{p}.0.layer_norm.weight"] = layer.self_norm.weight
            attn(f"{p}.1.EncDecAttention", layer.cross_attn)
            out[f"{p}.1.layer_norm.weight"] = layer.cross_norm.weight
            ff(f"{p}.2", layer.ff)
            out[f"{p}.2.layer_norm.weight"] = layer.ff_norm.weight
        return out


def greedy(model, input_ids, attention_mask, max_new_tokens, eos_id=1, pad_id=0):
    """Greedy decoding without a cache (recomputes the whole prefix each step), as an
    independent check of the cached path the plugin takes."""
    with torch.no_grad():
        enc = model.encode(input_ids, attention_mask)
        cross = model.cross_kv(enc)
        b = input_ids.shape[0]
        seq = torch.full((b, 1), pad_id, dtype=torch.long)
        done = torch.zeros(b, dtype=torch.bool)
        out = [[] for _ in range(b)]
        for _ in range(max_new_tokens):
            logits, _ = model.decode(seq, attention_mask, cross)
            nxt = logits[:, -1, :].argmax(-1)
            for i in range(b):
                if not done[i]:
                    if nxt[i].item() == eos_id:
                        done[i] = True
                    else:
                        out[i].append(nxt[i].item())
            if bool(done.all()):
                break
            nxt = torch.where(done, torch.full_like(nxt, pad_id), nxt)
            seq = torch.cat([seq, nxt[:, None]], dim=1)
        return out
