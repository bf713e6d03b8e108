namespace InstantOnRemediate.Core.Classification;

/// <summary>The stable cause vocabulary (DESIGN §4). <see cref="Unknown"/>: a failure without an identifying line; <see cref="None"/>: no failure.</summary>
public static class CauseIds
{
    public const string RseqPtraceUnsupported = "rseq-ptrace-unsupported";
    public const string RseqCriuUnaware = "rseq-criu-unaware";
    public const string Unknown = "unknown";
    public const string None = "none";

    public static readonly IReadOnlyList<string> All =
    [
        RseqPtraceUnsupported, RseqCriuUnaware, "seccomp", "seccomp-clone3-ns-last-pid", "missing-capability", "prctl-set-mm-eperm",
        "ptrace-restricted", "selinux-netlink-blocked", "selinux-denied-mmap", "lsm-profile", "cpu-feature-mismatch", "arch-mismatch",
        "pid-conflict", "file-mismatch", "mount-namespace", "cgroup", "socket-restore", "external-unix-socket", "io-uring", "vdso",
        "memory-overcommit", "ghost-file-limit", "incomplete-image", "criu-not-installed", "jvm-restore-options",
        "jvm-restore-hook-failure", "liberty-unsupported-feature", "liberty-security-manager", "runtime-regression", Unknown,
    ];
}
