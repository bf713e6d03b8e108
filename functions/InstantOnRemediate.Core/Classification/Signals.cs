namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Facts about an episode that later stages use to refine the classification (e.g. correlation with the
/// node's kernel). Values come from the catalog (<c>signals</c> of signatures and markers) plus these.
/// </summary>
public static class Signals
{
    /// <summary>A restored task was killed/stopped by SIGSEGV: on a node kernel below 5.13 the cause is rseq-ptrace-unsupported.</summary>
    public const string RestoreSigsegv = "restore-sigsegv";

    /// <summary>The log itself printed the kernel release (<see cref="ClassificationResult.Kernel"/>).</summary>
    public const string KernelFromLog = "kernel-from-log";

    /// <summary>The cause was changed by a <c>kernelBelow</c> rule using the kernel printed in the log.</summary>
    public const string CauseRefinedByKernel = "cause-refined-by-log-kernel";

    /// <summary>No line named the cause; a node fact (a kernel probe CRIU printed) did.</summary>
    public const string CauseFromNodeFact = "cause-from-node-fact";

    /// <summary>A signature needed a phase the episode did not show, so it was not used.</summary>
    public const string SignatureNeedsOtherPhase = "signature-needs-other-phase";
}
