using System.Text.Json.Serialization;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Classification.Catalog;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Ingest;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Json;

/// <summary>
/// The one source-generated JSON context of the core. Feature folders add their types in their own
/// partial declarations of this class (attributes on partial parts combine).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(Finding))]
[JsonSerializable(typeof(List<Finding>))]
[JsonSerializable(typeof(ClusterInventory))]
[JsonSerializable(typeof(List<ClusterInventory>))]
[JsonSerializable(typeof(NodeCorrelation))]
[JsonSerializable(typeof(List<NodeCorrelation>))]
[JsonSerializable(typeof(Plan))]
// Detection (signature catalog, classification results, decoded batches). Source generation needs every
// [JsonSerializable] on one declaration: attributes on a second partial part fail with CS8785 (duplicate hint names).
[JsonSerializable(typeof(CatalogDocument))]
[JsonSerializable(typeof(ClassificationResult))]
[JsonSerializable(typeof(LogsPayload))]
[JsonSerializable(typeof(List<Rejection>))]
public sealed partial class CoreJsonContext : JsonSerializerContext;
