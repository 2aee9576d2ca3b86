using System.Reflection;

namespace Harness;

/// <summary>The harness version recorded in every result file.</summary>
public static class HarnessVersion
{
    public static string Current { get; } =
        typeof(HarnessVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
