namespace Harness.DataGen;

/// <summary>How a concept's phrase fits into an intent template.</summary>
internal enum WordForm
{
    /// <summary>Stands before a noun or after "make it": "rainy", "moody", "teal".</summary>
    Adjective,

    /// <summary>Names a look: "golden hour", "kodak portra 400", "tokyo".</summary>
    Noun,

    /// <summary>A comparative edit request that takes a degree: "(a bit) warmer", "(much) more contrast".</summary>
    Change,

    /// <summary>An imperative edit request that takes no degree: "lift the shadows".</summary>
    Command,
}
