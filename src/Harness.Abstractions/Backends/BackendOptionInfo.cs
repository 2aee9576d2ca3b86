namespace Harness.Backends;

/// <summary>One option a backend understands.</summary>
/// <param name="Name">The key in the config, e.g. <c>model</c>.</param>
/// <param name="Description">What it does, with its unit.</param>
/// <param name="DefaultValue">The value used when it is absent, or null when it is required.</param>
public sealed record BackendOptionInfo(string Name, string Description, string? DefaultValue = null)
{
    /// <summary>True when the config must give it.</summary>
    public bool Required => DefaultValue is null;
}
