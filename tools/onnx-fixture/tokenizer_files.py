"""Trains the fixture's SentencePiece unigram model (T5 conventions: pad 0, </s> 1,
<unk> 2, nmt_nfkc normalisation, dummy prefix, whitespace collapse) and writes the
Hugging Face tokenizer.json the way their T5 converter lays it out."""
import base64
import io
import json

import sentencepiece as spm
from sentencepiece import sentencepiece_model_pb2 as model_pb2

# Used only when the dataset is not there yet (a fresh clone before datasets/ is built).
FALLBACK_INTENTS = [
    "golden hour", "moody blue night", "warm vintage film", "crisp winter morning", "faded summer",
    "cinematic teal and orange", "soft pastel dream", "high contrast black and white", "neon city lights",
    "rainy day melancholy", "sunset over the ocean", "forest green calm", "desert heat haze",
    "retro 80s vibe", "clean bright product shot", "dark and gritty", "autumn leaves", "cotton candy sky",
    "underwater glow", "foggy mountain dawn", "café latte tones", "cold steel blue", "sepia memories",
    "tropical vivid colours", "muted earthy tones", "dramatic storm clouds", "candlelight dinner",
    "spring blossom pink", "icy arctic", "sun-kissed skin", "noir detective", "lavender fields",
]


def train(lines, model_path, vocab_size, **options):
    """`options` are further SentencePiece trainer options (the students use
    split_by_unicode_script=False so pieces such as `{"` and `":` can form)."""
    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_writer=buffer, model_type="unigram", vocab_size=vocab_size,
        pad_id=0, eos_id=1, unk_id=2, bos_id=-1, pad_piece="<pad>", eos_piece="</s>", unk_piece="<unk>",
        normalization_rule_name="nmt_nfkc", character_coverage=1.0, num_threads=1, shuffle_input_sentence=False,
        hard_vocab_limit=False, minloglevel=2, seed_sentencepiece_size=100000, **options)
    with open(model_path, "wb") as f:
        f.write(buffer.getvalue())
    return spm.SentencePieceProcessor(model_proto=buffer.getvalue())


def write_tokenizer_json(sp, path):
    proto = model_pb2.ModelProto()
    proto.ParseFromString(sp.serialized_model_proto())
    charsmap = base64.b64encode(proto.normalizer_spec.precompiled_charsmap).decode("ascii")
    vocab = [[p.piece, 0.0 if p.type in (2, 3) else p.score] for p in proto.pieces]
    specials = [(i, p.piece) for i, p in enumerate(proto.pieces) if p.type in (2, 3)]
    doc = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [{"id": i, "content": piece, "single_word": False, "lstrip": False, "rstrip": False,
                          "normalized": False, "special": True} for i, piece in specials],
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "Precompiled", "precompiled_charsmap": charsmap},
            {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "}]},
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "WhitespaceSplit"},
            {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True}]},
        "post_processor": {"type": "TemplateProcessing",
                           "single": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
                           "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}},
                                    {"Sequence": {"id": "B", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
                           "special_tokens": {"</s>": {"id": "</s>", "ids": [1], "tokens": ["</s>"]}}},
        "decoder": {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True},
        "model": {"type": "Unigram", "unk_id": sp.unk_id(), "vocab": vocab, "byte_fallback": False},
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
