using System.Globalization;

namespace Harness.Backends;

/// <summary>
/// One option a backend understands, declared once: its name, description and default make the
/// listing (<see cref="Info"/>, for <c>harness plugins</c> and for checking configs), and
/// <see cref="BackendOption{T}.Read"/> reads its value with the checks and messages of
/// <see cref="BackendOptions"/>, so the default shown and the default used cannot differ.
/// </summary>
/// <example>
/// <code>
/// static readonly BackendOption&lt;int&gt; Threads = BackendOption.Int32("threads", "Threads; 0 = one per core.", 0, 0, 1024);
/// public IReadOnlyList&lt;BackendOptionInfo&gt; Options =&gt; [Threads.Info];
/// var threads = Threads.Read(options);
/// </code>
/// </example>
public abstract class BackendOption
{
    private protected BackendOption(string name, string description, string? defaultText)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description;
        DefaultText = defaultText;
    }

    /// <summary>The key in the config, e.g. <c>model</c>.</summary>
    public string Name { get; }

    /// <summary>What it does, with its unit.</summary>
    public string Description { get; }

    /// <summary>The default as listed: null when the option is required, empty when it is optional without one.</summary>
    public string? DefaultText { get; }

    /// <summary>The option as <see cref="IBackendFactory.Options"/> lists it.</summary>
    public BackendOptionInfo Info => new(Name, Description, DefaultText);

    /// <summary>A string the config must give (<see cref="BackendOptions.GetRequiredString"/>).</summary>
    public static BackendOption<string> Required(string name, string description) =>
        new(name, description, null, options => options.GetRequiredString(name));

    /// <summary>A string, or <paramref name="defaultValue"/> when absent (an empty default lists the option as optional).</summary>
    public static BackendOption<string> Text(string name, string description, string defaultValue) =>
        new(name, description, defaultValue, options => options.GetString(name) ?? defaultValue);

    /// <summary>
    /// A string, or null when absent, for an option whose absence the backend resolves itself;
    /// <paramref name="shownDefault"/> says what that is (empty: listed as optional).
    /// </summary>
    public static BackendOption<string?> Optional(string name, string description, string shownDefault = "") =>
        new(name, description, shownDefault, options => options.GetString(name));

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/> (<see cref="BackendOptions.GetInt32"/>).</summary>
    public static BackendOption<int> Int32(string name, string description, int defaultValue, int min = int.MinValue, int max = int.MaxValue) =>
        new(name, description, defaultValue.ToString(CultureInfo.InvariantCulture), options => options.GetInt32(name, defaultValue, min, max));

    /// <summary>A finite number (<see cref="BackendOptions.GetDouble"/>).</summary>
    public static BackendOption<double> Double(string name, string description, double defaultValue) =>
        new(name, description, defaultValue.ToString(CultureInfo.InvariantCulture), options => options.GetDouble(name, defaultValue));

    /// <summary>true or false (<see cref="BackendOptions.GetBoolean"/>).</summary>
    public static BackendOption<bool> Boolean(string name, string description, bool defaultValue) =>
        new(name, description, defaultValue ? "true" : "false", options => options.GetBoolean(name, defaultValue));

    /// <summary>One of <paramref name="allowed"/>, case-insensitive, read as the allowed spelling (<see cref="BackendOptions.GetChoice"/>).</summary>
    public static BackendOption<string> Choice(string name, string description, string defaultValue, params string[] allowed) =>
        new(name, description, defaultValue, options => options.GetChoice(name, defaultValue, allowed));
}

/// <summary>A <see cref="BackendOption"/> read as a <typeparamref name="T"/>.</summary>
public sealed class BackendOption<T> : BackendOption
{
    private readonly Func<BackendOptions, T> _read;

    internal BackendOption(string name, string description, string? defaultText, Func<BackendOptions, T> read)
        : base(name, description, defaultText) => _read = read;

    /// <summary>The option's value in <paramref name="options"/>, or its default; throws a <see cref="BackendException"/> naming it when the value is wrong.</summary>
    public T Read(BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _read(options);
    }
}
