using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Harness.Plugins.OpenAiCompatible.Tests;

/// <summary>
/// A chat-completions server on loopback for tests. Each POST is answered by
/// <see cref="Respond"/>; every request body is kept. Bounded: it stops with the test.
/// </summary>
internal sealed class FakeChatServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public FakeChatServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/v1/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}/v1";

    public ConcurrentQueue<JsonDocument> Requests { get; } = new();

    /// <summary>Maps the n-th POST (0-based) and its user prompt to a status code and body.</summary>
    public Func<int, string, (int Status, string Body)> Respond { get; set; } =
        (_, prompt) => (200, Completion($"echo {prompt}", 7, 3));

    public static string Completion(string content, int promptTokens, int completionTokens) =>
        JsonSerializer.Serialize(new
        {
            choices = new[] { new { index = 0, message = new { role = "assistant", content } } },
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens },
        });

    private async Task ServeAsync()
    {
        var posts = 0;
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            var (status, body) = (200, "{\"data\":[]}");
            if (context.Request.HttpMethod == "POST")
            {
                using var reader = new StreamReader(context.Request.InputStream);
                var doc = JsonDocument.Parse(await reader.ReadToEndAsync());
                Requests.Enqueue(doc);
                var prompt = doc.RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString() ?? "";
                (status, body) = Respond(Interlocked.Increment(ref posts) - 1, prompt);
            }
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
