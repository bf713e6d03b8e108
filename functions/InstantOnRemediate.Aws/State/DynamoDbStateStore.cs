using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.State;

/// <summary>
/// The state store on one DynamoDB table (see <see cref="StateTable"/>), through the low-level API. "Win once"
/// operations are conditional puts (<c>attribute_not_exists(pk) OR ttl &lt;= now</c>): a duplicate delivery or a
/// concurrent invocation loses the condition and learns it was second.
/// </summary>
[IamAction("dynamodb:PutItem", Resource = "table")]
[IamAction("dynamodb:GetItem", Resource = "table")]
[IamAction("dynamodb:Query", Resource = "table")]
[IamAction("dynamodb:DeleteItem", Resource = "table")]
[IamAction("dynamodb:UpdateItem", Resource = "table")]
public sealed class DynamoDbStateStore : TableStateStore
{
    private readonly IAmazonDynamoDB dynamo;
    private readonly string tableName;

    public DynamoDbStateStore(IAmazonDynamoDB dynamo, string tableName, TimeProvider time)
        : base(time)
    {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    private protected override async Task<bool> PutIfAbsentAsync(StateItem item, CancellationToken cancellationToken)
    {
        try
        {
            await dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = ToAttributes(item),
                ConditionExpression = "attribute_not_exists(#pk) OR #ttl <= :now",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = StateTable.PartitionKey, ["#ttl"] = StateTable.TimeToLiveAttribute },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":now"] = Number(Now.ToUnixTimeSeconds()) },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private protected override Task PutAsync(StateItem item, CancellationToken cancellationToken) =>
        dynamo.PutItemAsync(new PutItemRequest { TableName = tableName, Item = ToAttributes(item) }, cancellationToken);

    private protected override async Task<StateItem?> GetAsync(string pk, string sk, CancellationToken cancellationToken)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = tableName, Key = Key(pk, sk), ConsistentRead = true }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? FromAttributes(item) : null;
    }

    private protected override async Task<IReadOnlyList<StateItem>> QueryAsync(string pk, string? skFrom, CancellationToken cancellationToken)
    {
        var items = new List<StateItem>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var request = new QueryRequest
            {
                TableName = tableName,
                ConsistentRead = true,
                KeyConditionExpression = skFrom is null ? "#pk = :pk" : "#pk = :pk AND #sk >= :from",
                ExpressionAttributeNames = skFrom is null
                    ? new Dictionary<string, string> { ["#pk"] = StateTable.PartitionKey }
                    : new Dictionary<string, string> { ["#pk"] = StateTable.PartitionKey, ["#sk"] = StateTable.SortKey },
                ExpressionAttributeValues = skFrom is null
                    ? new Dictionary<string, AttributeValue> { [":pk"] = new(pk) }
                    : new Dictionary<string, AttributeValue> { [":pk"] = new(pk), [":from"] = new(skFrom) },
                ExclusiveStartKey = start,
            };
            var response = await dynamo.QueryAsync(request, cancellationToken).ConfigureAwait(false);
            items.AddRange((response.Items ?? []).Select(FromAttributes));
            start = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return items;
    }

    private protected override Task DeleteAsync(string pk, string sk, CancellationToken cancellationToken) =>
        dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = tableName, Key = Key(pk, sk) }, cancellationToken);

    private protected override Task IncrementAsync(string pk, string sk, string counter, long delta, CancellationToken cancellationToken) =>
        dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = Key(pk, sk),
            UpdateExpression = "ADD #c :d",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#c"] = counter },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":d"] = Number(delta) },
        }, cancellationToken);

    private static Dictionary<string, AttributeValue> Key(string pk, string sk) => new()
    {
        [StateTable.PartitionKey] = new AttributeValue(pk),
        [StateTable.SortKey] = new AttributeValue(sk),
    };

    private static Dictionary<string, AttributeValue> ToAttributes(StateItem item)
    {
        var attributes = Key(item.Pk, item.Sk);
        foreach (var (name, value) in item.Strings)
        {
            attributes[name] = new AttributeValue(value);
        }

        foreach (var (name, value) in item.Numbers)
        {
            attributes[name] = Number(value);
        }

        if (item.Ttl is { } ttl)
        {
            attributes[StateTable.TimeToLiveAttribute] = Number(ttl);
        }

        return attributes;
    }

    private static StateItem FromAttributes(Dictionary<string, AttributeValue> attributes)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var numbers = new Dictionary<string, long>(StringComparer.Ordinal);
        long? ttl = null;
        foreach (var (name, value) in attributes)
        {
            if (name is StateTable.PartitionKey or StateTable.SortKey)
            {
                continue;
            }

            if (name == StateTable.TimeToLiveAttribute && value.N is not null)
            {
                ttl = long.Parse(value.N, CultureInfo.InvariantCulture);
            }
            else if (value.S is not null)
            {
                strings[name] = value.S;
            }
            else if (value.N is not null)
            {
                numbers[name] = long.Parse(value.N, CultureInfo.InvariantCulture);
            }
        }

        return new StateItem { Pk = attributes[StateTable.PartitionKey].S, Sk = attributes[StateTable.SortKey].S, Strings = strings, Numbers = numbers, Ttl = ttl };
    }

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
