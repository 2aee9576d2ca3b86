namespace Harness.Plugins.Onnx.Tokenizer;

/// <summary>The protobuf wire format, just enough to walk fields.</summary>
internal sealed class ProtoReader(ReadOnlyMemory<byte> data)
{
    private int _position;

    public bool Next(out int field, out int wire)
    {
        field = wire = 0;
        if (_position >= data.Length) return false;
        var key = Varint();
        field = (int)(key >> 3);
        wire = (int)(key & 7);
        return true;
    }

    public ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= data.Length) throw new InvalidDataException("truncated protobuf");
            var b = data.Span[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("malformed protobuf varint");
    }

    public ReadOnlyMemory<byte> Bytes()
    {
        var length = checked((int)Varint());
        if (length < 0 || _position + length > data.Length) throw new InvalidDataException("truncated protobuf");
        var slice = data.Slice(_position, length);
        _position += length;
        return slice;
    }

    public ReadOnlySpan<byte> Fixed32() => Take(4);

    public void Skip(int wire)
    {
        switch (wire)
        {
            case 0: Varint(); break;
            case 1: Take(8); break;
            case 2: Bytes(); break;
            case 5: Take(4); break;
            default: throw new InvalidDataException($"unsupported protobuf wire type {wire}");
        }
    }

    private ReadOnlySpan<byte> Take(int n)
    {
        if (_position + n > data.Length) throw new InvalidDataException("truncated protobuf");
        var span = data.Span.Slice(_position, n);
        _position += n;
        return span;
    }
}
