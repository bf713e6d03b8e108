using System.Text.Json.Serialization;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Classification.Catalog;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Ingest;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Json;

/// <summary>
/// The one source-generated JSON context of the core. Every type is listed on this one declaration: the source
/// generator emits a context per attributed partial declaration, and two collide (CS8785).
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
[JsonSerializable(typeof(PlanAction))]
// Correlation data files, verdicts and the audit report.
[JsonSerializable(typeof(KernelFeatureMatrixDocument))]
[JsonSerializable(typeof(AmiCatalogDocument))]
[JsonSerializable(typeof(CompatibilityVerdict))]
[JsonSerializable(typeof(CompatibilityAuditReport))]
// Policy, planning and state.
[JsonSerializable(typeof(RemediationPolicy))]
[JsonSerializable(typeof(StateSnapshot))]
[JsonSerializable(typeof(FailureObservation))]
[JsonSerializable(typeof(CooldownRecord))]
[JsonSerializable(typeof(InFlightAction))]
[JsonSerializable(typeof(NodeProbeRecord))]
[JsonSerializable(typeof(VerifiedFix))]
[JsonSerializable(typeof(ActionClaim))]
[JsonSerializable(typeof(AuditRecord))]
[JsonSerializable(typeof(RestoreOutcomeCounts))]
[JsonSerializable(typeof(PauseState))]
[JsonSerializable(typeof(ApprovalRecord))]
[JsonSerializable(typeof(Migration.MigrationRecord))]
[JsonSerializable(typeof(List<Migration.MigrationRecord>))]
// Detection: signature catalog, classification results, decoded batches.
[JsonSerializable(typeof(CatalogDocument))]
[JsonSerializable(typeof(ClassificationResult))]
[JsonSerializable(typeof(LogsPayload))]
[JsonSerializable(typeof(List<Rejection>))]
public sealed partial class CoreJsonContext : JsonSerializerContext;
