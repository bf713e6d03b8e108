namespace InstantOnRemediate.Aws.Http;

/// <summary>Reads a protocol's error document (JSON for rest-json/json 1.1, XML for query).</summary>
internal interface IAwsErrorReader
{
    AwsErrorDetails Read(AwsHttpResponse response);
}
