using System.Text.Json.Serialization;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
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
// Correlation data files, verdicts and the audit report. (Attributes must sit on this one declaration: the source
// generator emits a context per attributed partial declaration, and two collide with CS8785.)
[JsonSerializable(typeof(KernelFeatureMatrixDocument))]
[JsonSerializable(typeof(AmiCatalogDocument))]
[JsonSerializable(typeof(CompatibilityVerdict))]
[JsonSerializable(typeof(CompatibilityAuditReport))]
public sealed partial class CoreJsonContext : JsonSerializerContext;
