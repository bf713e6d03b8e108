using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using InstantOnRemediate.Core.Events;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Events;

/// <summary>
/// Reads the central events table that infra/central/template.yaml's recorder writes: <c>pk</c> = account (from the
/// EventBridge envelope), <c>sk</c> = <c>occurredAt#eventId</c>, <c>region</c>, <c>detail</c> (the detail as JSON
/// text). Returns the events as details with the envelope's account and Region, ready for
/// <see cref="FleetAggregator.Fold"/>. Bounded: at most <c>maxPages</c> pages.
/// </summary>
public sealed class CentralEventTable(IAmazonDynamoDB dynamoDb, string tableName)
{
    public const int DefaultMaxPages = 1000;

    /// <summary>Every event of the table (or of <paramref name="account"/> only); unreadable items are skipped with a reason.</summary>
    [IamAction("dynamodb:Scan", Resource = "table")]
    [IamAction("dynamodb:Query", Resource = "table")]
    public async Task<CentralTableRead> ReadAsync(string? account = null, int maxPages = DefaultMaxPages, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        var details = new List<RemediationEventDetail>();
        var skipped = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        var pages = 0;
        do
        {
            List<Dictionary<string, AttributeValue>> items;
            if (account is null)
            {
                var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = tableName, ExclusiveStartKey = start }, cancellationToken).ConfigureAwait(false);
                (items, start) = (page.Items ?? [], page.LastEvaluatedKey is { Count: > 0 } next ? next : null);
            }
            else
            {
                var page = await dynamoDb.QueryAsync(new QueryRequest
                {
                    TableName = tableName,
                    KeyConditionExpression = "pk = :account",
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":account"] = new() { S = account } },
                    ExclusiveStartKey = start,
                }, cancellationToken).ConfigureAwait(false);
                (items, start) = (page.Items ?? [], page.LastEvaluatedKey is { Count: > 0 } next ? next : null);
            }

            pages++;
            foreach (var item in items)
            {
                var (detail, problem) = CentralEvents.Read(Envelope(item));
                if (detail is not null)
                {
                    details.Add(detail);
                }
                else
                {
                    skipped.Add($"{Text(item, "pk")}/{Text(item, "sk")}: {problem}");
                }
            }
        }
        while (start is not null && pages < maxPages);

        return new CentralTableRead(details, skipped, Complete: start is null);
    }

    /// <summary>The item as an EventBridge envelope (the detail is stored as JSON text).</summary>
    internal static string Envelope(Dictionary<string, AttributeValue> item)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("source", RemediationEventKinds.Source);
            WriteIfPresent(writer, "account", Text(item, "pk"));
            WriteIfPresent(writer, "region", Text(item, "region"));
            WriteIfPresent(writer, "detail-type", Text(item, "detailType"));
            writer.WritePropertyName("detail");
            var detail = Text(item, "detail");
            try
            {
                using var parsed = JsonDocument.Parse(detail ?? "null");
                parsed.RootElement.WriteTo(writer);
            }
            catch (JsonException)
            {
                writer.WriteNullValue();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string? Text(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;
}

/// <summary>The events read; <see cref="Complete"/> is false when the page limit cut the read short.</summary>
public sealed record CentralTableRead(IReadOnlyList<RemediationEventDetail> Details, IReadOnlyList<string> Skipped, bool Complete);
