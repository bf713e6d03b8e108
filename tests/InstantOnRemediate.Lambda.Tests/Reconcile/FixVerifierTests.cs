using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Application.Reconcile;

namespace InstantOnRemediate.Lambda.Tests.Reconcile;

public sealed class FixVerifierTests
{
    private static readonly DateTimeOffset At = new(2025, 5, 8, 10, 45, 0, TimeSpan.Zero);
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(240);

    private static readonly ExecutedRemediation Label = new()
    {
        ActionId = "a1", Type = "eks-label-nodegroup", Cluster = "prod-eks", Nodegroup = "ng-al2", Cause = "rseq-ptrace-unsupported", At = At,
    };

    private static readonly HashSet<string> Orders = new(["orders"], StringComparer.Ordinal);
    private static readonly HashSet<string> Al2023 = new(["ng-al2023"], StringComparer.Ordinal);

    private static RestoreSighting Success(string pod, string nodegroup, DateTimeOffset? at) =>
        new() { Verdict = Verdicts.RestoreSuccess, Cause = "none", Namespace = "shop", Pod = pod, Nodegroup = nodegroup, At = at, Source = "logs" };

    private static RestoreSighting Failure(string pod, string nodegroup, DateTimeOffset at, string cause = "rseq-ptrace-unsupported") =>
        new() { Verdict = Verdicts.RestoreFailure, Cause = cause, Namespace = "shop", Pod = pod, Nodegroup = nodegroup, At = at, Source = "detect" };

    [Fact]
    public void Judge_BeforeTheSettleTime_Settling()
    {
        var outcome = FixVerifier.Judge(Label, Orders, Al2023, [Success("orders-7d9f8b6c5-m8p2z", "ng-al2023", At.AddMinutes(2))], At.AddMinutes(5), Settle, Timeout);

        Assert.Equal(VerificationStatuses.Settling, outcome.Status);
    }

    [Fact]
    public void Judge_AffectedWorkloadRestoresElsewhereAfterTheAction_Verified()
    {
        var outcome = FixVerifier.Judge(Label, Orders, new HashSet<string>(StringComparer.Ordinal), [Success("orders-7d9f8b6c5-m8p2z", "ng-other", At.AddMinutes(3))], At.AddMinutes(15), Settle, Timeout);

        Assert.Equal(VerificationStatuses.Verified, outcome.Status);
        Assert.Contains("shop/orders-7d9f8b6c5-m8p2z", outcome.Evidence[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_SuccessBeforeTheAction_NotEvidence()
    {
        var outcome = FixVerifier.Judge(Label, Orders, Al2023, [Success("orders-7d9f8b6c5-m8p2z", "ng-al2023", At.AddMinutes(-1))], At.AddMinutes(15), Settle, Timeout);

        Assert.Equal(VerificationStatuses.Waiting, outcome.Status);
    }

    [Fact]
    public void Judge_SameCauseFailsAfterSettling_FixNotWorkingEvenWithSuccesses()
    {
        var outcome = FixVerifier.Judge(Label, Orders, Al2023,
            [Success("orders-7d9f8b6c5-m8p2z", "ng-al2023", At.AddMinutes(12)), Failure("orders-7d9f8b6c5-q7w9x", "ng-al2", At.AddMinutes(13))],
            At.AddMinutes(15), Settle, Timeout);

        Assert.Equal(VerificationStatuses.FixNotWorking, outcome.Status);
        Assert.Contains("1 successful restore(s) seen too", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_OtherCauseOrFailureWhileSettling_NotAnEscalation()
    {
        var outcome = FixVerifier.Judge(Label, Orders, Al2023,
            [Failure("orders-7d9f8b6c5-q7w9x", "ng-al2", At.AddMinutes(5)), Failure("orders-7d9f8b6c5-q7w9x", "ng-al2", At.AddMinutes(20), "seccomp")],
            At.AddMinutes(30), Settle, Timeout);

        Assert.Equal(VerificationStatuses.Waiting, outcome.Status);
    }

    [Fact]
    public void Judge_NothingSeenPastTheTimeout_NoOutcome()
    {
        var outcome = FixVerifier.Judge(Label, Orders, Al2023, [], At + Timeout, Settle, Timeout);

        Assert.Equal(VerificationStatuses.NoOutcome, outcome.Status);
        Assert.Contains("orders", outcome.Reason, StringComparison.Ordinal);
    }
}
