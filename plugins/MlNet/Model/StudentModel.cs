using System.IO.Compression;
using System.Runtime.Loader;
using System.Text;
using Harness.Backends;
using Harness.Plugins.MlNet.Training;
using Microsoft.ML;

namespace Harness.Plugins.MlNet.Model;

/// <summary>
/// A trained student as one ML.NET model file: the transformer chain ML.NET saves, plus
/// <see cref="ModelSettings"/> as an extra zip entry. Predicts through one prediction engine
/// (not thread-safe, so calls are serialised): about 0.1 ms an intent once warmed up, where a
/// transform of a batch as a data view costs milliseconds to bind the 31 models' columns each time.
/// </summary>
internal sealed class StudentModel : IDisposable
{
    private readonly PredictionEngine<IntentInput, StudentOutput> _engine;
    private readonly Lock _engineLock = new();

    private StudentModel(MLContext ml, ITransformer chain, ModelSettings settings, string path)
    {
        Path = path;
        Settings = settings;
        _engine = ml.Model.CreatePredictionEngine<IntentInput, StudentOutput>(chain);
    }

    public ModelSettings Settings { get; }

    /// <summary>The model file it was loaded from.</summary>
    public string Path { get; }

    /// <summary>Writes the model to <paramref name="path"/> through a temporary file, so a reader never sees half a file.</summary>
    public static void Save(MLContext ml, ITransformer chain, ModelSettings settings, string path)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            ml.Model.Save(chain, FeatureTable.Input(ml, []).Schema, temporary);
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Update))
            {
                using var writer = new StreamWriter(zip.CreateEntry(ModelSettings.EntryName).Open(), new UTF8Encoding(false));
                writer.Write(settings.ToJson());
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackendException($"{path}: cannot write the trained model ({ex.Message.ReplaceLineEndings(" ")}); check option 'cache'.", ex);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Loads a file this plugin saved; anything else is a <see cref="BackendException"/> naming the file.</summary>
    public static StudentModel Load(MLContext ml, string path)
    {
        if (!File.Exists(path)) throw new BackendException($"{path}: model file not found; check option 'model' (relative to the config file).");
        var settings = ReadSettings(path);
        if (settings.Format != ModelSettings.CurrentFormat)
            throw new BackendException($"{path}: model format {settings.Format}, but this plugin reads format {ModelSettings.CurrentFormat}; retrain it (delete the file, or drop option 'model').");
        try
        {
            // ML.NET finds each saved part's loader with Assembly.Load(name), which resolves in the
            // contextual reflection context: make that this plugin's load context, where ML.NET lives.
            using var scope = AssemblyLoadContext.GetLoadContext(typeof(MLContext).Assembly)!.EnterContextualReflection();
            var chain = ml.Model.Load(path, out _);
            return new StudentModel(ml, chain, settings, path);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Corrupt(path, ex);
        }
    }

    /// <summary>
    /// Runs <paramref name="count"/> predictions of varied made-up intents, so the engine's code is
    /// compiled to its optimised tier before it is timed: a fresh engine takes about 0.4 ms an
    /// intent, one that has served a few thousand about 0.08 ms (.NET's tiered compilation).
    /// </summary>
    public void WarmUp(int count)
    {
        string[] words = ["warm", "golden hour", "moody", "slightly", "faded", "teal and orange", "rainy night", "very", "vintage film", "bright summer", "cooler", "shot on portra"];
        for (var i = 0; i < count; i++)
            Predict($"{words[i % words.Length]} {words[i * 7 % words.Length]}, {words[i * 5 % words.Length]}");
    }

    public StudentOutput Predict(string intent)
    {
        lock (_engineLock)
            return _engine.Predict(new IntentInput { Intent = intent });
    }

    public void Dispose() => _engine.Dispose();

    private static ModelSettings ReadSettings(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.GetEntry(ModelSettings.EntryName)
                ?? throw new BackendException($"{path}: a zip without {ModelSettings.EntryName}, so not a model this plugin saved; point option 'model' at a file the MlNet plugin wrote (its cache folder), or delete it to retrain.");
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            return ModelSettings.FromJson(reader.ReadToEnd()) ?? throw new InvalidDataException($"{ModelSettings.EntryName} is null");
        }
        catch (Exception ex) when (ex is not (BackendException or OperationCanceledException))
        {
            throw Corrupt(path, ex);
        }
    }

    private static BackendException Corrupt(string path, Exception ex) =>
        new($"{path}: not a readable MlNet model file ({ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}); delete it to retrain from 'train', or point option 'model' at a file the MlNet plugin saved.", ex);
}
