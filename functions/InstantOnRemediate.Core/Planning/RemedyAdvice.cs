namespace InstantOnRemediate.Core.Planning;

/// <summary>
/// The exact fix per cause when the catalog's finding carries none. Fixed text, never log text.
/// Sources: domain/criu-signatures.md §2.
/// </summary>
internal static class RemedyAdvice
{
    private static readonly Dictionary<string, string> Fixes = new(StringComparer.Ordinal)
    {
        ["rseq-ptrace-unsupported"] = "run InstantOn pods on nodes with kernel >= 5.13 (EKS AL2023, Bottlerocket) or rebuild the image with CRIU >= 4.0 / Liberty >= 25.0.0.6, whose fallback works on 5.10",
        ["vdso"] = "run on a kernel the image's CRIU supports, or update CRIU for the node kernel",
        ["ptrace-restricted"] = "set kernel.yama.ptrace_scope to 0 or 1 on the nodes (EKS default is 1)",
        ["selinux-netlink-blocked"] = "setsebool virt_sandbox_use_netlink 1 on the nodes",
        ["selinux-denied-mmap"] = "checkpoint and restore under the same SELinux policy",
        ["lsm-profile"] = "load the AppArmor profile recorded at checkpoint on the nodes",
        ["cgroup"] = "let the container runtime own cgroups (runc manage_cgroups ignore); check cpuset.cpus/mems",
        ["memory-overcommit"] = "review vm.overcommit settings on the nodes, or use a newer CRIU",
        ["runtime-regression"] = "pin the container runtime to the last version that restored successfully",
        ["seccomp"] = "allow the syscalls CRIU needs (clone3, ptrace, vmsplice): securityContext.seccompProfile Localhost with Liberty's criuRequiredSysCalls.json, or Unconfined",
        ["seccomp-clone3-ns-last-pid"] = "allow clone3: securityContext.seccompProfile type Unconfined or a Localhost profile (RuntimeDefault returns ENOSYS for clone3)",
        ["missing-capability"] = "securityContext.capabilities.add: [CHECKPOINT_RESTORE, SETPCAP] (CAP_CHECKPOINT_RESTORE needs kernel >= 5.9)",
        ["prctl-set-mm-eperm"] = "securityContext.capabilities.add: [SYS_RESOURCE], or run with full privilege",
        ["rseq-criu-unaware"] = "rebuild the image with CRIU >= 4.0 / Liberty >= 25.0.0.6 (current Semeru UBI images)",
        ["file-mismatch"] = "keep files written after the checkpoint off the image (logs on tmpfs, -XX:-UsePerfData)",
        ["external-unix-socket"] = "close external unix sockets before the checkpoint",
        ["io-uring"] = "disable io_uring in the workload (CRIU cannot checkpoint it)",
        ["ghost-file-limit"] = "raise the ghost-file limit (CRIUSupport.setGhostFileLimit) or delete open unlinked files before the checkpoint",
        ["incomplete-image"] = "take the checkpoint again: the image is incomplete",
        ["criu-not-installed"] = "build from a Semeru UBI 8/9 image, which ships CRIU",
        ["jvm-restore-options"] = "add -XX:+IgnoreUnrecognizedRestoreOptions or drop the unsupported restore option",
        ["jvm-restore-hook-failure"] = "fix the failing restore hook in the application",
        ["liberty-unsupported-feature"] = "remove the Liberty features that do not support checkpoint",
        ["liberty-security-manager"] = "remove websphere.java.security (Security Manager) from the server configuration",
        ["cpu-feature-mismatch"] = "checkpoint on the oldest CPU generation the workload runs on, or pin it to the instance family it was checkpointed on",
        ["arch-mismatch"] = "restore on the CPU architecture the image was checkpointed on (kubernetes.io/arch nodeSelector)",
        ["pid-conflict"] = "restore inside a fresh PID namespace; retry usually clears it",
        ["mount-namespace"] = "restore with the same external mounts; retry usually clears it",
        ["socket-restore"] = "free the port the checkpoint held; retry usually clears it",
    };

    public static string For(string cause, string? catalogFix) =>
        !string.IsNullOrWhiteSpace(catalogFix) ? catalogFix
        : Fixes.TryGetValue(cause, out var fix) ? fix
        : "collect `criu check --all` and the restore log from an affected node and open a case";
}
