namespace Harness.Plugins.Onnx.Tokenizer;

/// <summary>SentencePiece's piece types (the numbers are those of its model proto).</summary>
internal enum PieceKind
{
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6,
}
