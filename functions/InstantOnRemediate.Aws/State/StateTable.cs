using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace InstantOnRemediate.Aws.State;

/// <summary>
/// The one DynamoDB table of the service: string keys pk/sk, TTL attribute <c>ttl</c> (epoch seconds),
/// on-demand billing. template.yaml declares the same table; <see cref="DefinitionJson"/> is what it mirrors.
/// </summary>
public static class StateTable
{
    public const string PartitionKey = "pk";

    public const string SortKey = "sk";

    public const string TimeToLiveAttribute = "ttl";

    /// <summary>Environment variable carrying the table name into the Lambda functions.</summary>
    public const string TableNameVariable = "STATE_TABLE";

    /// <summary>The CloudFormation-shaped definition (AWS::DynamoDB::Table properties) the SAM template mirrors.</summary>
    public const string DefinitionJson = """
        {
          "AttributeDefinitions": [
            { "AttributeName": "pk", "AttributeType": "S" },
            { "AttributeName": "sk", "AttributeType": "S" }
          ],
          "KeySchema": [
            { "AttributeName": "pk", "KeyType": "HASH" },
            { "AttributeName": "sk", "KeyType": "RANGE" }
          ],
          "BillingMode": "PAY_PER_REQUEST",
          "TimeToLiveSpecification": { "AttributeName": "ttl", "Enabled": true }
        }
        """;

    /// <summary>The same definition as a CreateTable request (tests and local setups).</summary>
    public static CreateTableRequest CreateTableRequest(string tableName) => new()
    {
        TableName = tableName,
        AttributeDefinitions =
        [
            new AttributeDefinition(PartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(SortKey, ScalarAttributeType.S),
        ],
        KeySchema =
        [
            new KeySchemaElement(PartitionKey, KeyType.HASH),
            new KeySchemaElement(SortKey, KeyType.RANGE),
        ],
        BillingMode = BillingMode.PAY_PER_REQUEST,
    };

    public static UpdateTimeToLiveRequest TimeToLiveRequest(string tableName) => new()
    {
        TableName = tableName,
        TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = TimeToLiveAttribute, Enabled = true },
    };
}
