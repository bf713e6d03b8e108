using System.Text.Json.Serialization;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.State;

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
// Policy, planning and state (the source generator reads [JsonSerializable] from one declaration only, so
// feature types are listed here rather than in partial parts).
[JsonSerializable(typeof(RemediationPolicy))]
[JsonSerializable(typeof(StateSnapshot))]
[JsonSerializable(typeof(FailureObservation))]
[JsonSerializable(typeof(CooldownRecord))]
[JsonSerializable(typeof(InFlightAction))]
[JsonSerializable(typeof(VerifiedFix))]
[JsonSerializable(typeof(ActionClaim))]
[JsonSerializable(typeof(AuditRecord))]
[JsonSerializable(typeof(RestoreOutcomeCounts))]
[JsonSerializable(typeof(PauseState))]
[JsonSerializable(typeof(ApprovalRecord))]
public sealed partial class CoreJsonContext : JsonSerializerContext;
