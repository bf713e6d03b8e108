namespace InstantOnRemediate.Aws.Tests;

/// <summary>SNS Query-protocol XML bodies as SNS sends them (validated against sns/2010-03-31 in a test).</summary>
internal static class SnsCannedResponses
{
    public const string TopicArn = "arn:aws:sns:us-east-1:123456789012:instanton-remediate-alerts";

    public const string Published = """
        <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
          <PublishResult>
            <MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId>
          </PublishResult>
          <ResponseMetadata>
            <RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId>
          </ResponseMetadata>
        </PublishResponse>
        """;

    public const string NotFound = """
        <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
          <Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error>
          <RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId>
        </ErrorResponse>
        """;

    public const string AuthorizationError = """
        <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
          <Error><Type>Sender</Type><Code>AuthorizationError</Code><Message>User is not authorized to perform: SNS:Publish</Message></Error>
          <RequestId>1</RequestId>
        </ErrorResponse>
        """;

    public const string Throttled = """
        <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
          <Error><Type>Sender</Type><Code>Throttled</Code><Message>Rate exceeded</Message></Error>
          <RequestId>2</RequestId>
        </ErrorResponse>
        """;
}
