using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace InstantOnRemediate.Aws.State;

/// <summary>
/// The state store as a directory of JSON files (the CLI's <c>--state DIR</c>): one folder per partition, one
/// file per row. Writes go to a temporary file renamed into place (atomic); "win once" rows are created with
/// <see cref="FileMode.CreateNew"/> (O_EXCL), so concurrent processes on one machine cannot both win.
/// </summary>
public sealed class FileStateStore : TableStateStore
{
    private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(10);
    private readonly string root;

    public FileStateStore(string directory, TimeProvider time)
        : base(time)
    {
        root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
    }

    public string Root => root;

    private protected override async Task<bool> PutIfAbsentAsync(StateItem item, CancellationToken cancellationToken)
    {
        var path = RowPath(item.Pk, item.Sk, create: true);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite))
                {
                    await stream.WriteAsync(Serialize(item), cancellationToken).ConfigureAwait(false);
                    await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                var existing = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
                if (existing is null || !existing.IsExpired(Now) || attempt > 0)
                {
                    return false; // a live row (or one being written right now) holds the key
                }

                File.Delete(path); // expired: the TTL has lapsed, the key is free again
            }
        }

        return false;
    }

    private protected override async Task PutAsync(StateItem item, CancellationToken cancellationToken)
    {
        var path = RowPath(item.Pk, item.Sk, create: true);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, Serialize(item), cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }

    private protected override async Task<StateItem?> GetAsync(string pk, string sk, CancellationToken cancellationToken)
    {
        var path = RowPath(pk, sk, create: false);
        return File.Exists(path) ? await ReadAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    private protected override async Task<IReadOnlyList<StateItem>> QueryAsync(string pk, string? skFrom, CancellationToken cancellationToken)
    {
        var folder = PartitionPath(pk);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var rows = new List<StateItem>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            if (await ReadAsync(file, cancellationToken).ConfigureAwait(false) is { } row && (skFrom is null || string.CompareOrdinal(row.Sk, skFrom) >= 0))
            {
                rows.Add(row);
            }
        }

        return [.. rows.OrderBy(r => r.Sk, StringComparer.Ordinal)];
    }

    private protected override Task DeleteAsync(string pk, string sk, CancellationToken cancellationToken)
    {
        File.Delete(RowPath(pk, sk, create: false));
        return Task.CompletedTask;
    }

    private protected override async Task IncrementAsync(string pk, string sk, string counter, long delta, CancellationToken cancellationToken)
    {
        var path = RowPath(pk, sk, create: true);
        await using var held = await LockAsync(path + ".lock", cancellationToken).ConfigureAwait(false);
        var row = File.Exists(path) ? await ReadAsync(path, cancellationToken).ConfigureAwait(false) : null;
        row ??= new StateItem { Pk = pk, Sk = sk };
        var numbers = new Dictionary<string, long>(row.Numbers, StringComparer.Ordinal);
        numbers[counter] = numbers.GetValueOrDefault(counter) + delta;
        await PutAsync(row with { Numbers = numbers }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        var started = Time.GetTimestamp(); // monotonic: a clock fixed for replays still measures elapsed time
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (Time.GetElapsedTime(started) < LockPatience)
            {
                await Task.Delay(5, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private string PartitionPath(string pk) => Path.Combine(root, Encode(pk));

    private string RowPath(string pk, string sk, bool create)
    {
        var folder = PartitionPath(pk);
        if (create)
        {
            Directory.CreateDirectory(folder);
        }

        return Path.Combine(folder, Encode(sk) + ".json");
    }

    /// <summary>A file-name-safe, reversible-enough encoding; long keys become a hash (the key is stored inside the row).</summary>
    private static string Encode(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var encoded = builder.ToString();
        if (encoded is "." or "..")
        {
            encoded = "%2E" + encoded[1..];
        }

        return encoded.Length <= 180 ? encoded : "h-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static byte[] Serialize(StateItem item)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("pk", item.Pk);
            writer.WriteString("sk", item.Sk);
            if (item.Ttl is { } ttl)
            {
                writer.WriteNumber("ttl", ttl);
            }

            writer.WriteStartObject("strings");
            foreach (var (name, value) in item.Strings.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("numbers");
            foreach (var (name, value) in item.Numbers.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteNumber(name, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static async Task<StateItem?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (IOException) when (File.Exists(path))
        {
            return null; // held by a writer this very moment: not readable yet
        }

        if (bytes.Length == 0)
        {
            return null; // created a moment ago by a claimant still writing it
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return null; // a row still being written by a claimant; renamed rows are always whole
        }

        using var owned = doc;
        var rootElement = doc.RootElement;
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var numbers = new Dictionary<string, long>(StringComparer.Ordinal);
        if (rootElement.TryGetProperty("strings", out var s))
        {
            foreach (var p in s.EnumerateObject())
            {
                strings[p.Name] = p.Value.GetString() ?? "";
            }
        }

        if (rootElement.TryGetProperty("numbers", out var n))
        {
            foreach (var p in n.EnumerateObject())
            {
                numbers[p.Name] = p.Value.GetInt64();
            }
        }

        return new StateItem
        {
            Pk = rootElement.GetProperty("pk").GetString()!,
            Sk = rootElement.GetProperty("sk").GetString()!,
            Ttl = rootElement.TryGetProperty("ttl", out var t) ? t.GetInt64() : null,
            Strings = strings,
            Numbers = numbers,
        };
    }
}
