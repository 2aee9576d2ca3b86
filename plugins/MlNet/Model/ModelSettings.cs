using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Plugins.MlNet.Model;

/// <summary>
/// What a saved model was trained from and how, kept beside ML.NET's own entries in the model
/// zip (<see cref="EntryName"/>), so a loaded model says what it is and the "used" thresholds
/// travel with it.
/// </summary>
internal sealed record ModelSettings(
    int Format,
    string TrainFile,
    string TrainSha256,
    int TrainRows,
    int WordNgrams,
    int CharNgrams,
    int Seed,
    ImmutableSortedDictionary<string, string> Trainers,
    ImmutableSortedDictionary<string, double> Thresholds,
    double TrainSeconds,
    string CreatedAt)
{
    /// <summary>Bumped when the chain's columns or this record change; older files are refused.</summary>
    public const int CurrentFormat = 1;

    public const string EntryName = "MlNet/settings.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ModelSettings? FromJson(string text) => JsonSerializer.Deserialize<ModelSettings>(text, Json);
}
