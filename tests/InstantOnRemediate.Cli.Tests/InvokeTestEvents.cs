using System.IO.Compression;
using System.Text;

namespace InstantOnRemediate.Cli.Tests;

/// <summary>Event files for the invoke tests: a real subscription envelope (gzip + base64) written to a temp folder.</summary>
internal sealed class InvokeTestEvents : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("instanton-invoke");

    public string Folder => folder.FullName;

    public string SubscriptionEnvelope()
    {
        const string payload = """
            {"messageType":"DATA_MESSAGE","owner":"123456789012","logGroup":"/aws/containerinsights/prod-eks/application",
             "logStream":"orders-liberty-7d9f8c6b5-x2x9q_orders_app","subscriptionFilters":["instanton-restore-failures"],
             "logEvents":[{"id":"37182659301744520110346877205990145328114672061280000001","timestamp":1715162130000,
             "message":"[AUDIT   ] CWWKE0961I: Restoring the checkpoint server process failed. Launching the server without using the checkpoint image."}]}
            """;
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(payload));
        }

        var path = Path.Combine(Folder, "envelope.json");
        File.WriteAllText(path, "{\"awslogs\":{\"data\":\"" + Convert.ToBase64String(compressed.ToArray()) + "\"}}");
        return path;
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => folder.Delete(recursive: true);
}
