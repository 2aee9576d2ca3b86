using System.Globalization;

namespace Harness.Backends;

/// <summary>
/// The options a config gives one backend, as strings, with typed readers that
/// fail with a <see cref="BackendException"/> naming the option.
/// </summary>
public sealed class BackendOptions
{
    private readonly Dictionary<string, string> _values;

    public BackendOptions(IReadOnlyDictionary<string, string> values, string source = "config")
    {
        _values = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
        Source = source;
    }

    /// <summary>Where the options came from, for messages (e.g. <c>eval.yaml: backends[1]</c>).</summary>
    public string Source { get; }

    /// <summary>All keys and values.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>The option's value, or null when absent.</summary>
    public string? GetString(string name) => _values.TryGetValue(name, out var v) ? v : null;

    /// <summary>The option's value; throws naming the option when absent.</summary>
    public string GetRequiredString(string name) =>
        GetString(name) ?? throw new BackendException($"{Source}: option '{name}' is required.");

    /// <summary>An integer option, or <paramref name="defaultValue"/> when absent.</summary>
    public int GetInt32(string name, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = GetString(name);
        if (text is null) return defaultValue;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new BackendException($"{Source}: option '{name}' must be a whole number from {min} to {max}, not '{text}'.");
        return value;
    }

    /// <summary>A number option, or <paramref name="defaultValue"/> when absent.</summary>
    public double GetDouble(string name, double defaultValue)
    {
        var text = GetString(name);
        if (text is null) return defaultValue;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new BackendException($"{Source}: option '{name}' must be a number, not '{text}'.");
        return value;
    }

    /// <summary>A true/false option, or <paramref name="defaultValue"/> when absent.</summary>
    public bool GetBoolean(string name, bool defaultValue)
    {
        var text = GetString(name);
        if (text is null) return defaultValue;
        return text.ToUpperInvariant() switch
        {
            "TRUE" or "YES" or "1" => true,
            "FALSE" or "NO" or "0" => false,
            _ => throw new BackendException($"{Source}: option '{name}' must be true or false, not '{text}'."),
        };
    }

    /// <summary>One of <paramref name="allowed"/> (case-insensitive), or <paramref name="defaultValue"/> when absent.</summary>
    public string GetChoice(string name, string defaultValue, params string[] allowed)
    {
        var text = GetString(name);
        if (text is null) return defaultValue;
        var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        return match ?? throw new BackendException(
            $"{Source}: option '{name}' must be one of {string.Join(", ", allowed)}, not '{text}'.");
    }
}
