using System.Buffers.Binary;
using System.Text;

namespace Harness.Plugins.Onnx.Tokenizer;

/// <summary>
/// Reads the pieces of a SentencePiece <c>spiece.model</c> (a protobuf <c>ModelProto</c>:
/// field 1 repeats <c>SentencePiece { string piece = 1; float score = 2; Type type = 3; }</c>).
/// A small hand-written reader: the plugin needs nothing else from the file.
/// </summary>
internal static class SentencePieceModelReader
{
    public static UnigramTokenizer Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var vocabulary = new List<(string, float, PieceKind)>();
        var unknownId = -1;
        var reader = new ProtoReader(bytes);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                var (piece, score, kind) = ReadPiece(reader.Bytes());
                if (kind == PieceKind.Unknown) unknownId = vocabulary.Count;
                vocabulary.Add((piece, score, kind));
            }
            else if (field == 2 && wire == 2)
            {
                var trainer = new ProtoReader(reader.Bytes());
                while (trainer.Next(out var f, out var w))
                {
                    if (f != 3 || w != 0)
                    {
                        trainer.Skip(w);
                        continue;
                    }
                    // TrainerSpec.model_type: 1 is UNIGRAM.
                    var type = trainer.Varint();
                    if (type != 1)
                        throw new InvalidDataException($"model type {type} is not Unigram (1); the Onnx plugin reads only T5's SentencePiece Unigram models");
                }
            }
            else reader.Skip(wire);
        }
        if (vocabulary.Count == 0) throw new InvalidDataException("no pieces; this is not a SentencePiece model");
        if (unknownId < 0) throw new InvalidDataException("no unknown piece");
        return new UnigramTokenizer(vocabulary, unknownId);
    }

    private static (string, float, PieceKind) ReadPiece(ReadOnlyMemory<byte> bytes)
    {
        var reader = new ProtoReader(bytes);
        string piece = "";
        float score = 0;
        var kind = PieceKind.Normal;
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 2): piece = Encoding.UTF8.GetString(reader.Bytes().Span); break;
                case (2, 5): score = BinaryPrimitives.ReadSingleLittleEndian(reader.Fixed32()); break;
                case (3, 0): kind = (PieceKind)reader.Varint(); break;
                default: reader.Skip(wire); break;
            }
        }
        return (piece, score, kind);
    }
}
