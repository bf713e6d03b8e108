using InstantOnRemediate.Core.Classification;

namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// Refines a finding's cause and remedy with the node's kernel, following the matrix's cause requirements: a restore
/// killed by signal 11 is <c>rseq-ptrace-unsupported</c> (node-kernel) without PTRACE_GET_RSEQ_CONFIGURATION and
/// <c>rseq-criu-unaware</c> (image) with it; <c>missing-capability</c> below 5.9 is node-kernel; <c>unknown</c> on
/// such a node keeps its cause but names the likely one. Pure.
/// </summary>
public sealed class CauseRefiner(KernelFeatureMatrix matrix)
{
    public static CauseRefiner Default { get; } = new(KernelFeatureMatrix.Default);

    public CauseRefinement Refine(Finding finding, string? kernel, string source = KernelSources.AmiCatalog) =>
        Refine(finding, kernel is null ? KernelEvidence.Unknown : new KernelEvidence { Kernel = kernel, Source = source, Confidence = Confidences.Medium });

    public CauseRefinement Refine(Finding finding, KernelEvidence kernel)
    {
        if (finding.Verdict is not (Verdicts.RestoreFailure or Verdicts.CheckpointFailure))
        {
            return Keep(finding, $"No refinement: verdict {finding.Verdict} is not a failure.");
        }

        var rule = matrix.CauseRequirements.FirstOrDefault(r =>
            r.Causes.Contains(finding.Cause, StringComparer.Ordinal)
            && (r.Evidence is null || finding.Evidence.Any(line => line.Contains(r.Evidence, StringComparison.OrdinalIgnoreCase))));
        if (rule is null)
        {
            return Keep(finding, $"No refinement: cause {finding.Cause} does not depend on the node kernel.");
        }

        var supports = rule.Features.Select(id => matrix.Supports(kernel, id)).ToList();
        if (supports.Any(s => s.Supported is null))
        {
            return Keep(finding, $"Cause {finding.Cause} kept: the node kernel is unknown, so whether it has {Names(supports)} cannot be told.");
        }

        var missing = supports.Where(s => s.Supported == false).ToList();
        var outcome = missing.Count > 0 ? rule.WhenMissing : rule.WhenPresent;
        var state = missing.Count > 0
            ? $"Node kernel {kernel.Kernel} ({kernel.Source}) lacks {Names(missing)}"
            : $"Node kernel {kernel.Kernel} ({kernel.Source}) has {Names(supports)}";
        if (outcome is null)
        {
            return Keep(finding, $"{state}: cause {finding.Cause} ({finding.Remedy}) stands.");
        }

        var cause = outcome.Cause ?? finding.Cause;
        var remedy = outcome.Remedy ?? finding.Remedy;
        if (cause == finding.Cause && remedy == finding.Remedy)
        {
            var likely = outcome.LikelyCause is null ? "" : $" Likely cause: {outcome.LikelyCause}.";
            return Keep(finding, $"{state}: cause {finding.Cause} ({finding.Remedy}) kept.{likely} {rule.Note}") with { LikelyCause = outcome.LikelyCause };
        }

        var fix = remedy == RemedyClasses.NodeKernel && missing.Count > 0
            ? $"Run the workload on nodes whose kernel has {Names(missing)}, i.e. Linux {missing.Select(s => s.Feature).MaxBy(f => matrix.Minimum(f.Id))!.UpstreamMinimum} or later: e.g. an Amazon Linux 2023 node group (kernel 6.1)."
            : null;
        var refined = finding with
        {
            Cause = cause,
            Remedy = remedy,
            Fix = fix ?? (cause == finding.Cause ? finding.Fix : null),
            Explanation = cause == finding.Cause ? finding.Explanation : null,
        };
        return new CauseRefinement
        {
            Finding = refined,
            Changed = true,
            Note = $"{state}: {finding.Cause} ({finding.Remedy}) → {cause} ({remedy}). {rule.Note}",
            LikelyCause = outcome.LikelyCause,
        };
    }

    private static CauseRefinement Keep(Finding finding, string note) => new() { Finding = finding, Note = note.Trim() };

    private static string Names(IEnumerable<FeatureSupport> supports) =>
        string.Join(", ", supports.Select(s => $"{s.Feature.Name} (Linux {s.Feature.UpstreamMinimum})"));
}
