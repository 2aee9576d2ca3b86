"""The students' SentencePiece vocabularies.

T5 (unigram): SentencePiece's unigram pruning drops a frequent piece whose parts always occur
together, and on this synthetic data that is every fixed word: `tool:` ends up as `▁t ool :`
and `null` as `▁n u ll`. So after training, the pieces the task always needs are added as
ordinary pieces with a high score: the prompt's fixed words, each JSON key as it appears in a
target, every value the teacher writes with the punctuation that follows it, and the filter
names. Viterbi segmentation (SentencePiece, the harness's C# tokenizer, Hugging Face's and
llama.cpp's) then picks them the same way everywhere; no special token types are involved.
"""
from sentencepiece import sentencepiece_model_pb2 as model_pb2

from data import ADJUST, CHANNELS, COLOURS, TOOLS

FIXED_SCORE = -2.0


def task_pieces(filter_names):
    words = ["tool:", "intent:", "null"] + list(TOOLS)
    keys = list(ADJUST) + list(COLOURS) + list(CHANNELS) + ["name", "intensity"]
    pieces = ["\u2581" + w for w in words]
    for key in keys:
        pieces += [f'\u2581{{"{key}":', f'\u2581"{key}":']
    for value in range(-100, 101, 5):
        pieces += [f"\u2581{value}{end}" for end in (",", "}", "},", "}}")]
    for name in filter_names:
        pieces.append(f'\u2581"{name}",')
    return pieces


def add_pieces(model_path, pieces):
    """Adds `pieces` to the unigram model at `model_path` (raising the score of any it has)."""
    proto = model_pb2.ModelProto()
    with open(model_path, "rb") as f:
        proto.ParseFromString(f.read())
    index = {p.piece: i for i, p in enumerate(proto.pieces)}
    for piece in pieces:
        if piece in index:
            proto.pieces[index[piece]].score = max(proto.pieces[index[piece]].score, FIXED_SCORE)
        else:
            new = proto.pieces.add()
            new.piece, new.score, new.type = piece, FIXED_SCORE, model_pb2.ModelProto.SentencePiece.NORMAL
            index[piece] = len(proto.pieces) - 1
    with open(model_path, "wb") as f:
        f.write(proto.SerializeToString())


def filter_names(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]
