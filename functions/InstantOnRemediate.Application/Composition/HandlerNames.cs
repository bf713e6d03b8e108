namespace InstantOnRemediate.Application.Composition;

/// <summary>The <c>_HANDLER</c> values (the template's <c>Handler</c> strings), matched exactly.</summary>
internal static class HandlerNames
{
    public const string Detect = "detect";
    public const string Runbook = "runbook";
    public const string Reconcile = "reconcile";

    public static readonly IReadOnlyList<string> All = [Detect, Runbook, Reconcile];
}
