namespace Harness.DataGen;

/// <summary>
/// Python's <c>random.Random(seed)</c> as far as <c>shuffle</c> needs it: MT19937 seeded by
/// <c>init_by_array</c> with the seed's 32-bit words (CPython's <c>random_seed</c>), and
/// <c>shuffle</c> by <c>_randbelow</c> over <c>getrandbits</c>. It exists so <c>datagen</c> can
/// hold out exactly the rows the distillation scripts held out (tools/distill/data.py
/// <c>split_heldout</c>); a fixture made by CPython proves the port.
/// </summary>
internal sealed class PythonRandom
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _index = N + 1;

    /// <summary>CPython's <c>random.Random(seed)</c> for a non-negative integer seed.</summary>
    public PythonRandom(ulong seed)
    {
        var key = seed >> 32 == 0 ? new[] { (uint)seed } : [(uint)seed, (uint)(seed >> 32)];
        InitByArray(key);
    }

    /// <summary><c>random.shuffle(x)</c> in place: for i from n−1 down to 1, swap x[i] with x[_randbelow(i + 1)].</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = RandBelow(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary><c>_randbelow_with_getrandbits(n)</c>: k = n's bit length; draw k bits until below n.</summary>
    private int RandBelow(int n)
    {
        var k = 32 - int.LeadingZeroCount(n);
        uint r;
        do r = NextUInt32() >> (32 - k);
        while (r >= (uint)n);
        return (int)r;
    }

    private void InitGenrand(uint s)
    {
        _mt[0] = s;
        for (var i = 1; i < N; i++) _mt[i] = unchecked((1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30))) + (uint)i);
        _index = N;
    }

    private void InitByArray(uint[] key)
    {
        InitGenrand(19650218u);
        int i = 1, j = 0;
        for (var k = Math.Max(N, key.Length); k > 0; k--)
        {
            _mt[i] = unchecked((_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j);
            i++;
            j++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
            if (j >= key.Length) j = 0;
        }
        for (var k = N - 1; k > 0; k--)
        {
            _mt[i] = unchecked((_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i);
            i++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
        }
        _mt[0] = 0x80000000u;
    }

    /// <summary>MT19937's <c>genrand_uint32</c>.</summary>
    internal uint NextUInt32()
    {
        if (_index >= N)
        {
            for (var kk = 0; kk < N; kk++)
            {
                var y = (_mt[kk] & 0x80000000u) | (_mt[(kk + 1) % N] & 0x7fffffffu);
                _mt[kk] = _mt[(kk + M) % N] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
            }
            _index = 0;
        }
        var x = _mt[_index++];
        x ^= x >> 11;
        x ^= (x << 7) & 0x9d2c5680u;
        x ^= (x << 15) & 0xefc60000u;
        x ^= x >> 18;
        return x;
    }
}
