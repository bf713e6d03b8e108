using InstantOnRemediate.Core.Migration;
using InstantOnRemediate.Core.Policy;

namespace InstantOnRemediate.Core.Tests.Migration;

public sealed class MigrationStepperTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 10, 0, 0, TimeSpan.Zero);
    private static readonly MigrationPolicy Policy = new() { Enabled = true, DrainStep = 1, StageTimeoutMinutes = 30, VerifySuccesses = 1 };

    private static MigrationRecord Record(string stage, int sourceDesired = 3) => new()
    {
        Id = "m1", Cluster = "prod", Source = "ng-al2", Target = "ng-al2-al2023", TargetCreated = true, Stage = stage, StartedAt = Now.AddHours(-1),
        WaitingSince = Now.AddMinutes(-5), SourceMinSize = 1, SourceMaxSize = 4, SourceDesiredSize = sourceDesired, WantedTargetSize = sourceDesired,
        FenceKey = "instanton.openliberty.io/restore-incompatible", FenceValue = "true",
        History = [new MigrationStageEntry { Stage = MigrationStages.Fence, StartedAt = Now.AddMinutes(-30), FinishedAt = Now.AddMinutes(-25) }],
    };

    private static ObservedNodegroup Group(string name, int desired, int running, bool fenced = false, string status = "ACTIVE", int min = 0) =>
        new() { Name = name, Status = status, MinSize = min, MaxSize = 4, DesiredSize = desired, RunningInstances = running, Fenced = fenced };

    [Fact]
    public void Next_TargetActiveWithItsInstances_AdvancesToFence()
    {
        var step = MigrationStepper.Next(Record(MigrationStages.WaitTarget), new MigrationObservation { Target = Group("ng-al2-al2023", 3, 3) }, Policy, Now);

        Assert.Equal((MigrationStepKind.Advance, MigrationStages.Fence, MigrationAlerts.TargetReady), (step.Kind, step.Stage, step.Alert));
    }

    [Fact]
    public void Next_TargetActiveButInstancesMissing_WaitsThenStallsOnce()
    {
        var seen = new MigrationObservation { Target = Group("ng-al2-al2023", 3, 1) };

        var early = MigrationStepper.Next(Record(MigrationStages.WaitTarget), seen, Policy, Now);
        var late = MigrationStepper.Next(Record(MigrationStages.WaitTarget), seen, Policy, Now.AddMinutes(40));
        var told = MigrationStepper.Next(Record(MigrationStages.WaitTarget) with { StalledStage = MigrationStages.WaitTarget }, seen, Policy, Now.AddMinutes(50));

        Assert.Equal(MigrationStepKind.Wait, early.Kind);
        Assert.Contains("1 of 3 instance(s) running", early.Reason, StringComparison.Ordinal);
        Assert.Equal((MigrationStepKind.Stalled, MigrationAlerts.Stalled), (late.Kind, late.Alert));
        Assert.Equal(MigrationStepKind.Wait, told.Kind);
    }

    [Fact]
    public void Next_TargetCreateFailed_StallsAtOnce()
    {
        var step = MigrationStepper.Next(Record(MigrationStages.WaitTarget), new MigrationObservation { Target = Group("ng-al2-al2023", 3, 0, status: "CREATE_FAILED") }, Policy, Now);

        Assert.Equal(MigrationStepKind.Stalled, step.Kind);
        Assert.Contains("CREATE_FAILED", step.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_FenceStage_FencesThenAdvancesWhenTheTaintIsOn()
    {
        var act = MigrationStepper.Next(Record(MigrationStages.Fence), new MigrationObservation { Source = Group("ng-al2", 3, 3) }, Policy, Now);
        var done = MigrationStepper.Next(Record(MigrationStages.Fence) with { PendingUpdateId = "u1" }, new MigrationObservation { Source = Group("ng-al2", 3, 3, fenced: true) }, Policy, Now);

        Assert.Equal((MigrationStepKind.Act, MigrationOperation.Fence), (act.Kind, act.Operation));
        Assert.Equal((MigrationStepKind.Advance, MigrationStages.Drain), (done.Kind, done.Stage));
    }

    [Fact]
    public void Next_Paused_StopsBetweenStages()
    {
        var fence = MigrationStepper.Next(Record(MigrationStages.Fence), new MigrationObservation { Source = Group("ng-al2", 3, 3), Paused = true }, Policy, Now);
        var drain = MigrationStepper.Next(Record(MigrationStages.Drain), new MigrationObservation { Source = Group("ng-al2", 3, 3, true), Target = Group("t", 3, 3), Paused = true }, Policy, Now);

        Assert.Equal(MigrationStepKind.Wait, fence.Kind);
        Assert.Equal(MigrationStepKind.Wait, drain.Kind);
        Assert.Contains("paused", drain.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_Drain_OneStepPerRunNeverBelowProvenCapacity()
    {
        var first = MigrationStepper.Next(Record(MigrationStages.Drain), new MigrationObservation { Source = Group("ng-al2", 3, 3, true, min: 1), Target = Group("t", 3, 3) }, Policy, Now);
        var proven = MigrationStepper.Next(Record(MigrationStages.Drain), new MigrationObservation { Source = Group("ng-al2", 2, 2, true), Target = Group("t", 3, 1) }, Policy, Now);
        var inProgress = MigrationStepper.Next(Record(MigrationStages.Drain) with { RequestedDesiredSize = 2 }, new MigrationObservation { Source = Group("ng-al2", 2, 3, true), Target = Group("t", 3, 3) }, Policy, Now);

        Assert.Equal((MigrationStepKind.Act, MigrationOperation.Scale, 2, 1), (first.Kind, first.Operation, first.DesiredSize, first.MinSize));
        Assert.Equal(MigrationStepKind.Wait, proven.Kind); // 3 old nodes - 1 proven target node = 2: the old group stays at 2
        Assert.Contains("never below the capacity the target has proven", proven.Reason, StringComparison.Ordinal);
        Assert.Equal(MigrationStepKind.Wait, inProgress.Kind);
    }

    [Fact]
    public void Next_Drain_OutsideMaintenanceWindowOrStorm_Waits()
    {
        var source = Group("ng-al2", 3, 3, true);
        var window = MigrationStepper.Next(Record(MigrationStages.Drain), new MigrationObservation { Source = source, Target = Group("t", 3, 3), InMaintenanceWindow = false, MaintenanceNote = "outside the windows" }, Policy, Now);
        var storm = MigrationStepper.Next(Record(MigrationStages.Drain), new MigrationObservation { Source = source, Target = Group("t", 3, 3), StormHeld = true }, Policy, Now);

        Assert.Equal(("outside the windows", MigrationStepKind.Wait), (window.Reason, window.Kind));
        Assert.Contains("storm brake", storm.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_DrainedToZero_AdvancesToVerify()
    {
        var step = MigrationStepper.Next(Record(MigrationStages.Drain) with { RequestedDesiredSize = 0 }, new MigrationObservation { Source = Group("ng-al2", 0, 0, true), Target = Group("t", 3, 3) }, Policy, Now);

        Assert.Equal((MigrationStepKind.Advance, MigrationStages.Verify, MigrationAlerts.Drained), (step.Kind, step.Stage, step.Alert));
    }

    [Fact]
    public void Next_Verify_SuccessOnTargetAdvances_FailureOnOldGroupStalls()
    {
        var ok = MigrationStepper.Next(Record(MigrationStages.Verify), new MigrationObservation { TargetSuccesses = 1 }, Policy, Now);
        var bad = MigrationStepper.Next(Record(MigrationStages.Verify), new MigrationObservation { TargetSuccesses = 1, SourceFailuresSinceFence = 2 }, Policy, Now);
        var none = MigrationStepper.Next(Record(MigrationStages.Verify), new MigrationObservation(), Policy, Now);

        Assert.Equal((MigrationStepKind.Advance, MigrationStages.Retire), (ok.Kind, ok.Stage));
        Assert.Equal(MigrationStepKind.Stalled, bad.Kind);
        Assert.Equal(MigrationStepKind.Wait, none.Kind);
    }

    [Fact]
    public void Next_Retire_KeepAtZeroCompletes_DeleteAsksForItsOwnApproval()
    {
        var keep = MigrationStepper.Next(Record(MigrationStages.Retire), new MigrationObservation(), Policy, Now);
        var delete = Policy with { Retire = "delete" };
        var ask = MigrationStepper.Next(Record(MigrationStages.Retire), new MigrationObservation(), delete, Now);
        var waiting = MigrationStepper.Next(Record(MigrationStages.Retire) with { RetireActionId = "r1" }, new MigrationObservation { RetireActionStatus = "awaiting-approval" }, delete, Now);
        var deleted = MigrationStepper.Next(Record(MigrationStages.Retire) with { RetireActionId = "r1" }, new MigrationObservation { RetireActionStatus = "executed" }, delete, Now);

        Assert.Equal((MigrationStepKind.Complete, MigrationStages.Done), (keep.Kind, keep.Stage));
        Assert.Equal((MigrationStepKind.Act, MigrationOperation.RequestRetireApproval), (ask.Kind, ask.Operation));
        Assert.Equal(MigrationStepKind.Wait, waiting.Kind);
        Assert.Equal(MigrationStepKind.Complete, deleted.Kind);
    }

    [Fact]
    public void Next_SameInput_SameStep()
    {
        var seen = new MigrationObservation { Source = Group("ng-al2", 3, 3, true), Target = Group("t", 3, 3) };

        Assert.Equal(MigrationStepper.Next(Record(MigrationStages.Drain), seen, Policy, Now), MigrationStepper.Next(Record(MigrationStages.Drain), seen, Policy, Now));
    }
}
