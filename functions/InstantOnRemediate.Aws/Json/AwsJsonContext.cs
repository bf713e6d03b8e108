using System.Text.Json.Serialization;
using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Aws.Eks.Wire;
using InstantOnRemediate.Aws.Logs;

namespace InstantOnRemediate.Aws.Json;

/// <summary>
/// The Aws assembly's one source-generated JSON context for the hand-written clients' wire formats: camelCase
/// member names as in the service models, absent members omitted, epoch-second timestamps.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(ListNodegroupsResponse))]
[JsonSerializable(typeof(DescribeNodegroupResponse))]
[JsonSerializable(typeof(DescribeClusterResponse))]
[JsonSerializable(typeof(UpdateNodegroupConfigResponse))]
[JsonSerializable(typeof(UpdateNodegroupVersionResponse))]
[JsonSerializable(typeof(CreateNodegroupResponse))]
[JsonSerializable(typeof(DeleteNodegroupResponse))]
[JsonSerializable(typeof(DescribeUpdateResponse))]
[JsonSerializable(typeof(ListUpdatesResponse))]
[JsonSerializable(typeof(UpdateNodegroupConfigBody))]
[JsonSerializable(typeof(UpdateNodegroupVersionBody))]
[JsonSerializable(typeof(CreateNodegroupBody))]
[JsonSerializable(typeof(FilterLogEventsRequest))]
[JsonSerializable(typeof(FilterLogEventsResponse))]
internal sealed partial class AwsJsonContext : JsonSerializerContext;
