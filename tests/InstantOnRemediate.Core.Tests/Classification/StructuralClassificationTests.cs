using System.Text;
using InstantOnRemediate.Core.Classification;

namespace InstantOnRemediate.Core.Tests.Classification;

/// <summary>
/// The layers on lines no specific signature lists: where a line comes from (CRIU subsystem, runtime, JVM, test
/// harness) and what went wrong (errno × object) name the cause; plain failures are never <c>none</c>; warnings
/// and <c>criu check</c> are not failures but node facts are kept; the streaming path agrees with the line path and
/// stays bounded on any line length.
/// </summary>
public sealed class StructuralClassificationTests
{
    private static readonly SignatureCatalog Catalog = SignatureCatalog.LoadEmbedded();

    private const string DumpFailed = "(00.0061) Error (criu/cr-dump.c:2100): Dumping FAILED.";

    [Theory]
    [InlineData("(00.120000) Error (criu/mount.c:3456): mnt: Can't umount /tmp/.criu.root.x: Device or resource busy", "mount-namespace", Verdicts.RestoreFailure)]
    [InlineData("Error (criu/cgroup.c:1999): cg: Unable to set up controller cpuset: Invalid argument", "cgroup", Verdicts.RestoreFailure)]
    [InlineData("(00.3) pie: 1: Error (criu/pie/restorer.c:1234): Unable to map 0x7f0000000000 (vma 12) with -12", "memory-overcommit", Verdicts.RestoreFailure)]
    [InlineData("Error (criu/files-reg.c:2100): Can't open file var/log/app.log on restore: No such file or directory", "file-mismatch", Verdicts.RestoreFailure)]
    [InlineData("Error (criu/sk-inet.c:700): inet: Can't bind inet6 socket (id 12): Cannot assign requested address", "socket-restore", Verdicts.RestoreFailure)]
    [InlineData("Error (criu/kerndat.c:900): Unable to probe memfd_create: Operation not permitted", "seccomp", Verdicts.RestoreFailure)]
    [InlineData("Error (compel/src/lib/infect.c:400): Can't seize 1234: Operation not permitted", "ptrace-restricted", Verdicts.CheckpointFailure)]
    [InlineData("Error (criu/timens.c:120): Unable to create a new time namespace: Operation not permitted", "missing-capability", Verdicts.RestoreFailure)]
    [InlineData("Error (criu/vdso.c:700): vdso: Unexpected vvar size 0x4000", "vdso", Verdicts.RestoreFailure)]
    [InlineData("(00.1) Error (criu/cr-restore.c:1518): Can't fork for 8: Operation not permitted", "missing-capability", Verdicts.RestoreFailure)]
    [InlineData("Error (criu/pstree.c:401): Current sid 2210 intersects with pid (412) in images", "pid-conflict", Verdicts.RestoreFailure)]
    [InlineData("Error (criu/tty.c:832): tty: Can't set tty params on 0x9: Operation not permitted", "missing-capability", Verdicts.RestoreFailure)]
    [InlineData("(00.2) Error (criu/cr-restore.c:3151): rseq: can't restore as kernel doesn't support it", "rseq-ptrace-unsupported", Verdicts.RestoreFailure)]
    [InlineData("pie: 42: Error (criu/pie/parasite-vdso.c:38): Unable to remap 7ffd1000 -> 7ffd3000 fffffffffffffff2", "vdso", Verdicts.RestoreFailure)]
    [InlineData("pie: 7: Error (criu/pie/restorer.c:180): can't write lsm profile (-2)", "lsm-profile", Verdicts.RestoreFailure)]
    [InlineData("(00.041) Error (criu/tun.c:357): tun: Unable to create tun: Operation not permitted", "missing-capability", Verdicts.RestoreFailure)]
    [InlineData("Error (criu/sk-unix.c:1100): sk unix: Can't bind (-98)", "socket-restore", Verdicts.RestoreFailure)]
    [InlineData("Error (criu/net.c:2000): net: Can't bind netlink socket: EADDRINUSE", "socket-restore", Verdicts.RestoreFailure)]
    public void ClassifyLines_CriuErrorNoSignatureLists_CauseFromSubsystemErrnoAndObject(string line, string cause, string verdict)
    {
        var result = RestoreDetector.ClassifyLines([line, "Error (criu/cr-restore.c:2447): Restoring FAILED."], Catalog);

        Assert.Equal((verdict == Verdicts.CheckpointFailure ? Verdicts.RestoreFailure : verdict, cause), (result.Verdict, result.Cause));
        Assert.Contains(line, result.Evidence);
    }

    [Theory]
    [InlineData("Error (compel/src/lib/infect.c:400): Can't seize 1234: Operation not permitted", "ptrace-restricted", RemedyClasses.NodeConfig)]
    [InlineData("(00.37) Error (compel/src/lib/infect.c:633): Unable to connect a transport socket: Permission denied", "lsm-profile", RemedyClasses.NodeConfig)]
    [InlineData("pie: 1234: Error (criu/pie/parasite.c:512): Can't dump creds: Operation not permitted", "unknown", RemedyClasses.Unknown)]
    public void ClassifyLines_DumpSideSubsystemWithoutMarker_CheckpointFailure(string line, string cause, string remedy)
    {
        var result = RestoreDetector.ClassifyLines([line], Catalog);

        Assert.Equal((Verdicts.CheckpointFailure, cause, remedy), (result.Verdict, result.Cause, result.Remedy));
    }

    [Theory]
    [InlineData("Error: restoring container 685009ff failed: OCI runtime error", Verdicts.RestoreFailure, CauseIds.Unknown)]
    [InlineData("time=\"2025-01-01T00:00:00Z\" level=error msg=\"runc restore: criu failed: type RESTORE errno 0\"", Verdicts.RestoreFailure, CauseIds.Unknown)]
    [InlineData("Error response from daemon: Cannot checkpoint container c1: runc did not terminate successfully", Verdicts.CheckpointFailure, CauseIds.Unknown)]
    [InlineData("ERRO[0003] failed to restore container web: exec: \"criu\": executable file not found in $PATH", Verdicts.RestoreFailure, "criu-not-installed")]
    [InlineData("/opt/ol/wlp/bin/server: line 1234: criu: command not found", Verdicts.RestoreFailure, "criu-not-installed")]
    [InlineData("checkpointing of shop/web-0/app failed (rpc error: code = Unknown desc = checkpoint/restore support not available)", Verdicts.CheckpointFailure, "runtime-regression")]
    [InlineData("--- FAIL: TestCheckpointRestore (0.33s)", Verdicts.RestoreFailure, CauseIds.Unknown)]
    [InlineData("step 4: RESTORE_FAILED", Verdicts.RestoreFailure, CauseIds.Unknown)]
    [InlineData("JVMCRIU012E Restore failed", Verdicts.RestoreFailure, CauseIds.Unknown)]
    [InlineData("Error: restoring container 4f1 failed: listen tcp :9080: bind: address already in use", Verdicts.RestoreFailure, "socket-restore")]
    public void ClassifyLines_WrapperSaysItFailed_NeverNone(string line, string verdict, string cause)
    {
        var result = RestoreDetector.ClassifyLines([line], Catalog);

        Assert.Equal((verdict, cause), (result.Verdict, result.Cause));
    }

    [Theory]
    [InlineData("2025-01-01 10:00:00 WARN auth: LOGIN_FAILED for user bob")]
    [InlineData("[ERROR   ] CWWKC1101E: The task com.example.Job@1, which was submitted to executor service default, failed.")]
    [InlineData("2025-01-01 10:00:00 ERROR Unhandled exception in request handler: java.lang.IllegalStateException")]
    [InlineData("HEALTHCHECK FAIL: database not reachable")]
    [InlineData("time=\"2025-01-01T10:00:00Z\" level=error msg=\"failed to restore session cache from redis\"")]
    [InlineData("Segmentation fault")]
    [InlineData("/app/run.sh: line 12:   345 Aborted                 (core dumped) ./worker")]
    [InlineData("payment PAYMENT_FAILED order=1234")]
    [InlineData("Error: OCI runtime error: crun: exited with status 1")]
    public void ClassifyLines_AppLinesThatLookBad_NotAFailure(string line)
    {
        Assert.Equal(Verdicts.None, RestoreDetector.ClassifyLines([line], Catalog).Verdict);
    }

    /// <summary>
    /// Plainly failed is never 'none' (issue #15): a test's bare <c>*_FAILED</c>, a shell's report of a process
    /// killed by a signal and OpenJ9's crash-dump events fail the attempt when the episode holds restore/checkpoint
    /// lines, even when the only CRIU error is one that is benign by itself.
    /// </summary>
    [Theory]
    [InlineData("podman container restore --import /tmp/chk.tar.gz", "STEP3_FAILED", Verdicts.RestoreFailure)]
    [InlineData("Warn  (criu/kerndat.c:1103): $XDG_RUNTIME_DIR not set. Cannot find location for kerndat file", "TEST_FAILED", Verdicts.RestoreFailure)]
    [InlineData("criu dump -t 1234 -D /tmp/img --shell-job", "ZDTM_STEP_FAILED", Verdicts.CheckpointFailure)]
    [InlineData("Error (criu/sockets.c:210): sockets: Diag module missing (-2)", "Aborted (core dumped)", Verdicts.RestoreFailure)]
    [InlineData("Error (criu/sockets.c:210): sockets: Diag module missing (-2)", "Aborted", Verdicts.RestoreFailure)]
    [InlineData("criu restore -D /tmp/img --shell-job", "Exited (134) 3 seconds ago", Verdicts.RestoreFailure)]
    [InlineData("criu dump -t 1234 -D /tmp/img --shell-job", "Segmentation fault", Verdicts.CheckpointFailure)]
    [InlineData("container restore requested by kubelet", "      Exit Code:    139", Verdicts.RestoreFailure)]
    [InlineData("[AUDIT   ] CWWKC0451I: A server checkpoint \"afterAppStart\" was requested.", "JVMDUMP039I Processing dump event \"abort\", detail \"\" at 2025/01/01 00:00:00 - please wait.", Verdicts.CheckpointFailure)]
    [InlineData("criu restore -D /tmp/img --shell-job", "JVMDUMP039I Processing dump event \"traps\", detail \"\" at 2025/01/01 00:00:00 - please wait.", Verdicts.RestoreFailure)]
    [InlineData("criu restore -D /tmp/img --shell-job", "Caught SIGABRT in criu", Verdicts.RestoreFailure)]
    [InlineData("Warn  (criu/kerndat.c:1103): $XDG_RUNTIME_DIR not set. Cannot find location for kerndat file", "Error: OCI runtime error: crun: exited with status 1", Verdicts.RestoreFailure)]
    [InlineData("criu dump -t 1234 -D /tmp/img --shell-job", "ctr: runc did not terminate successfully: exit status 1: unknown", Verdicts.CheckpointFailure)]
    public void ClassifyLines_PlainlyFailedBesideRestoreLines_NeverNone(string context, string failure, string verdict)
    {
        var result = RestoreDetector.ClassifyLines([context, failure], Catalog);

        Assert.Equal((verdict, CauseIds.Unknown), (result.Verdict, result.Cause));
    }

    /// <summary>
    /// A process killed by a fatal signal, as its parent or the kernel reports it, beside restore lines: the restored
    /// program died, and the signal is the mechanism. SIGILL is an instruction this CPU lacks; SIGSEGV is the event
    /// CRIU reports as "killed by signal 11", whose usual reason is rseq (below Linux 5.13 the kernel's missing
    /// PTRACE_GET_RSEQ_CONFIGURATION).
    /// </summary>
    [Theory]
    [InlineData("criu restore -D /tmp/img --shell-job", "Segmentation fault", null, "rseq-criu-unaware")]
    [InlineData("criu restore -D /tmp/img --shell-job", "Segmentation fault", "5.10.240-238.955.amzn2.x86_64", "rseq-ptrace-unsupported")]
    [InlineData("criu restore -D /tmp/img --shell-job", "/opt/ol/wlp/bin/server: line 1234:   88 Illegal instruction     \"$JAVA_CMD\" -XX:+EnableCRIUSupport", null, "cpu-feature-mismatch")]
    [InlineData("runc restore --image-path /tmp/chk web", "[ 8121.402311] java[4242]: segfault at 0 ip 00007f3c2a1b2c3d sp 00007ffd5e6f7a80 error 4 in libc.so.6[7f3c2a000000+195000]", "5.10.240-238.955.amzn2.x86_64", "rseq-ptrace-unsupported")]
    [InlineData("runc restore --image-path /tmp/chk web", "[ 8121.402311] java[4242]: segfault at 0 ip 00007f3c2a1b2c3d sp 00007ffd5e6f7a80 error 4 in libc.so.6[7f3c2a000000+195000]", "6.1.147-172.266.amzn2023.x86_64", "rseq-criu-unaware")]
    [InlineData("podman container restore web", "kernel: traps: java[4242] trap invalid opcode ip:7f3c2a1b2c3d sp:7ffd5e6f7a80 error:0 in libj9jit29.so[7f3c2a000000+1c00000]", null, "cpu-feature-mismatch")]
    [InlineData("ctr c restore web", "ctr: task exited: signal: segmentation fault (core dumped)", null, "rseq-criu-unaware")]
    [InlineData("podman container restore web", "conmon 4f3a9c <ninfo>: container 4242 exited with status 139", "5.4.0-1103-aws", "rseq-ptrace-unsupported")]
    [InlineData("docker start --checkpoint cp1 web", "web exited with code 132", null, "cpu-feature-mismatch")]
    [InlineData("criu restore -D /tmp/img --shell-job", "liberty.service: Main process exited, code=dumped, status=4/ILL", null, "cpu-feature-mismatch")]
    public void ClassifyLines_ProcessKilledByFatalSignalBesideRestore_CauseFromTheSignal(string context, string crash, string? kernel, string cause)
    {
        string[] lines = kernel is null ? [context, crash] : [$"(00.000045) Running on node-1 Linux {kernel} #1 SMP x86_64", context, crash];

        var result = RestoreDetector.ClassifyLines(lines, Catalog);

        Assert.Equal((Verdicts.RestoreFailure, cause), (result.Verdict, result.Cause));
        Assert.Contains(crash.Trim(), result.Evidence);
    }

    /// <summary>A restore CRIU called finished, then the restored JVM died: the restore failed, whatever CRIU said.</summary>
    [Fact]
    public void ClassifyLines_KilledBySigsegvAfterRestoreFinished_RestoreFailure()
    {
        var result = RestoreDetector.ClassifyLines(
        [
            "(00.000045) Running on ip-10-0-1-12 Linux 5.10.240-238.955.amzn2.x86_64 #1 SMP x86_64",
            "(00.251377) Restore finished successfully. Tasks resumed.",
            "[ 8121.402311] java[4242]: segfault at 0 ip 00007f3c2a1b2c3d sp 00007ffd5e6f7a80 error 4 in libc.so.6[7f3c2a000000+195000]",
        ], Catalog);

        Assert.Equal((Verdicts.RestoreFailure, "rseq-ptrace-unsupported", RemedyClasses.NodeKernel), (result.Verdict, result.Cause, result.Remedy));
    }

    /// <summary>A fatal-signal report with no restore or checkpoint line beside it is some other program's crash.</summary>
    [Theory]
    [InlineData("[ 8121.402311] worker[4242]: segfault at 0 ip 00007f3c2a1b2c3d sp 00007ffd5e6f7a80 error 4 in libc.so.6[7f3c2a000000+195000]")]
    [InlineData("batch-job exited with code 139")]
    [InlineData("exec: signal: illegal instruction")]
    public void ClassifyLines_FatalSignalWithoutRestoreLines_NotAFailure(string line)
    {
        Assert.Equal(Verdicts.None, RestoreDetector.ClassifyLines([line], Catalog).Verdict);
    }

    /// <summary>
    /// CRIU's feature check probes the kernel and exits: its errors (and a "Does not look good.") describe the node,
    /// they are not a failed checkpoint or restore; the probes it printed still show as node facts.
    /// </summary>
    [Theory]
    [InlineData("$ sudo criu check", "Error (criu/net.c:3085): Unable to create a veth pair: -95", "Looks good.")]
    [InlineData("Warn  (criu/sockets.c:721): The current kernel doesn't support netlink_diag", "Error (criu/cr-check.c:147): sys/kernel/ns_last_pid sysctl is inaccessible: No such file or directory", "Does not look good.")]
    [InlineData("# criu check -v4", "(00.096688) Error (criu/vdso.c:627): vdso: Failed to fill self vdso symtable", "(00.096908) Error (criu/crtools.c:267): Could not initialize kernel features detection.")]
    [InlineData("# criu check", "(00.0041) Error (criu/pie-util-vdso.c:180): vdso: Bad hash chain", "Segmentation fault (core dumped)")]
    public void ClassifyLines_CriuCheckRunWithErrors_NotAFailure(string first, string error, string last)
    {
        Assert.Equal(Verdicts.None, RestoreDetector.ClassifyLines([first, error, last], Catalog).Verdict);
    }

    [Fact]
    public void ClassifyLines_CheckRunThenFailedRestore_TheRestoreFailure()
    {
        var result = RestoreDetector.ClassifyLines(
        [
            "# criu check",
            "Warn  (criu/cr-check.c:813): ptrace(PTRACE_GET_RSEQ_CONFIGURATION) isn't supported. C/R of processes which are using rseq() won't work.",
            "Looks good but some kernel features are missing",
            "# criu restore -D /tmp/img --shell-job",
            "(00.147465) Error (criu/cr-restore.c:1480): 5507 killed by signal 11: Segmentation fault",
            "(00.147496) Error (criu/cr-restore.c:2447): Restoring FAILED.",
        ], Catalog);

        Assert.Equal((Verdicts.RestoreFailure, "rseq-criu-unaware"), (result.Verdict, result.Cause));
    }

    /// <summary>Wordings of a failed step whose phase comes from the rest of the episode.</summary>
    [Theory]
    [InlineData("Error response from daemon: Cannot checkpoint container web: rpc error: code = 2 desc = exit status 1: \"criu failed: type NOTIFY errno 0\"", "(00.100155) Error (criu/cr-dump.c:1709): Dumping FAILED.", Verdicts.CheckpointFailure)]
    [InlineData("$ docker start --checkpoint cp0 web", "Error response from daemon: failed to retrieve OCI runtime container pid: open /run/docker/init.pid: no such file or directory: unknown", Verdicts.RestoreFailure)]
    [InlineData("# podman container checkpoint -P 6d1f1d2b3d02", "CRIU feature checking failed -52.  Please check CRIU logfile /run/userdata/dump.log", Verdicts.CheckpointFailure)]
    [InlineData("# podman container checkpoint -P 6d1f1d2b3d02", "*** buffer overflow detected ***: terminated", Verdicts.CheckpointFailure)]
    [InlineData("CR: Checkpoint ...", "JVM: invalid info for restore provided (may be failed checkpoint)", Verdicts.CheckpointFailure)]
    public void ClassifyLines_StepFailedPhaseFromEpisode_NeverNone(string first, string second, string verdict)
    {
        Assert.Equal(verdict, RestoreDetector.ClassifyLines([first, second], Catalog).Verdict);
    }

    /// <summary>How runtimes, LXC/LXD and CRIU itself say a step failed, and which step it was.</summary>
    [Theory]
    [InlineData("$ ctr containers start --checkpoint=cp1 web2 /srv", "ctr: rpc error: code = Unknown desc = exit status 1: \"container is already running\"", Verdicts.RestoreFailure)]
    [InlineData("lxc-checkpoint -r -n web -D /var/cp", "lxc-checkpoint: criu.c: do_restore: 812 reading the restored pid failed", Verdicts.RestoreFailure)]
    [InlineData("lxc-checkpoint -s -n web -D /var/cp", "lxc-checkpoint: criu.c: do_dump: 1104 dumping the container failed", Verdicts.CheckpointFailure)]
    [InlineData("$ lxc start web", "Error: Migrate: Failed to run: /usr/bin/lxd forkmigrate web /var/lib/lxd/containers /var/log/lxd/web/lxc.conf /var/lib/lxd/containers/web/state false:", Verdicts.RestoreFailure)]
    [InlineData("Run criu dump", "thread 'main' panicked at src/store.rs:12:5:", Verdicts.CheckpointFailure)]
    [InlineData("# runc restore --image-path /tmp/cp web", "goroutine 1 [running]:", Verdicts.RestoreFailure)]
    [InlineData("ERRO[0000] container is not destroyed", "ERRO[0000] criu failed: type NOTIFY errno 0 log file: /var/lib/containers/storage/userdata/dump.log", Verdicts.CheckpointFailure)]
    [InlineData("level=error msg=\"criu failed: type NOTIFY errno 0\"", "log file: image-dir/restore.log", Verdicts.RestoreFailure)]
    [InlineData("$ criu dump -t 4242 -D img --unprivileged", "CRIU needs to have the CAP_SYS_ADMIN or the CAP_CHECKPOINT_RESTORE capability: ", Verdicts.CheckpointFailure)]
    [InlineData("I0808 kuberuntime_manager.go:842] migrating pod web", "E0808 remote_runtime.go:306] RestoreContainer \"77c7401b\" from runtime service failed", Verdicts.RestoreFailure)]
    [InlineData("I0808 kubelet.go:100] checkpoint requested", "E0808 remote_runtime.go:793] \"CheckpointContainer from runtime service failed\" err=<", Verdicts.CheckpointFailure)]
    [InlineData("CR: Checkpoint ...", "jdk.crac.impl.CheckpointOpenSocketException: tcp6 localAddr :: localPort 8080", Verdicts.CheckpointFailure)]
    public void ClassifyLines_StepFailedInItsOwnWords_ItsPhase(string first, string second, string verdict)
    {
        Assert.Equal(verdict, RestoreDetector.ClassifyLines([first, second], Catalog).Verdict);
    }

    /// <summary>
    /// A CLI's own error line after the checkpoint or restore command it ran (Podman/Docker 'Error: ', LXD 'error: ',
    /// logrus ERRO/level=error, log15 lvl=eror), runc quoting the log of the CRIU step that failed, test reporters
    /// (zdtm, TAP, OpenJ9's cmdLineTester), and a framework saying its checkpoint failed: each a failure of its step.
    /// </summary>
    [Theory]
    [InlineData("# podman container restore --import /tmp/web.tar.gz", "Error: creating container storage: the container name \"web\" is already in use", Verdicts.RestoreFailure)]
    [InlineData("$ podman container checkpoint --export /tmp/web.tar.gz web", "ERRO[0001] Can't add file /var/lib/containers/storage/overlay/x/merged/run/app.sock to tar: archive/tar: sockets not supported", Verdicts.CheckpointFailure)]
    [InlineData("t=2024-01-01T00:00:00+0000 lvl=eror msg=\"Error collecting checkpoint log file\" err=\"open /tmp/lxd_checkpoint_1/dump.log: no such file or directory\"", "error: Error transferring instance data: migration failed", Verdicts.CheckpointFailure)]
    [InlineData("=== RUN   TestCheckpoint", "time=\"2025-01-01T00:00:00Z\" level=warning msg=\"--- Quoting \\\"/tmp/TestCheckpoint1/criu/dump.log\\\"\"", Verdicts.CheckpointFailure)]
    [InlineData("# runc restore -d --work-path ./wd web", "time=\"2025-01-01T00:00:00Z\" level=warning msg=\"--- Quoting \\\"wd/restore.log\\\"\"", Verdicts.RestoreFailure)]
    [InlineData("Run criu restore", "################ Test zdtm/static/pipe00 FAIL at result check ################", Verdicts.RestoreFailure)]
    [InlineData("Run criu dump", "############# Test zdtm/static/maps05 FAIL at criu dump ##############", Verdicts.CheckpointFailure)]
    [InlineData("ok 11 checkpoint --pre-dump and restore", "not ok 12 checkpoint and restore with netdevice", Verdicts.RestoreFailure)]
    [InlineData("CWWKC0451I: A server checkpoint \"afterAppStart\" was requested.", "Test result: FAILED", Verdicts.CheckpointFailure)]
    [InlineData("INFO main o.s.c.support.DefaultLifecycleProcessor : Restarting Spring-managed lifecycle beans after JVM restore", "WARN main o.s.b.w.ServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.context.ApplicationContextException: Failed to take CRaC checkpoint on refresh", Verdicts.CheckpointFailure)]
    public void ClassifyLines_CliOrHarnessReportsTheStepFailed_ItsPhase(string first, string second, string verdict)
    {
        Assert.Equal(verdict, RestoreDetector.ClassifyLines([first, second], Catalog).Verdict);
    }

    /// <summary>Lines that look like the failure lines above but are not: iproute2 output CRIU prints while restoring addresses, an error line with no checkpoint or restore beside it, a Spring restart after a real restore.</summary>
    [Theory]
    [InlineData("(00.0031) 1: net: Restoring link lo type 1", "Error: ipv4: Address already assigned.", Verdicts.None)]
    [InlineData("$ podman ps -a", "Error: no container with name or ID \"web\" found: no such container", Verdicts.None)]
    [InlineData("# runc checkpoint --pre-dump --image-path /tmp/pre web", "ERRO[0000] container is not destroyed", Verdicts.None)]
    [InlineData("INFO main o.s.c.support.DefaultLifecycleProcessor : Restarting Spring-managed lifecycle beans after JVM restore", "INFO main o.s.c.support.DefaultLifecycleProcessor : Spring-managed lifecycle restart completed (restored JVM running for 61 ms)", Verdicts.RestoreSuccess)]
    public void ClassifyLines_LooksLikeAStepFailureButIsNot(string first, string second, string verdict)
    {
        Assert.Equal(verdict, RestoreDetector.ClassifyLines([first, second], Catalog).Verdict);
    }

    /// <summary>Causes read from what the runtime, the kernel or the JVM names (after the line, what ends the step).</summary>
    [Theory]
    [InlineData("cannot checkpoint a rootless container", null, Verdicts.CheckpointFailure, "missing-capability")]
    [InlineData("Error: restoring a container requires root", null, Verdicts.RestoreFailure, "missing-capability")]
    [InlineData("(00.051) Error (compel/src/lib/ptrace.c:27): suspending seccomp failed: Operation not permitted", DumpFailed, Verdicts.CheckpointFailure, "seccomp")]
    [InlineData("(10.001) Error (criu/seize.c:512): Unable to freeze cgroup /sys/fs/cgroup/freezer/web (timed out)", null, Verdicts.CheckpointFailure, "cgroup")]
    [InlineData("(800.005) Error (criu/cr-dump.c:1791): Timeout reached. Try to interrupt: 0", null, Verdicts.CheckpointFailure, CauseIds.Unknown)]
    [InlineData("(00.9) Error (criu/sk-inet.c:202): Name resolved on unconnected socket", DumpFailed, Verdicts.CheckpointFailure, "socket-restore")]
    [InlineData("[0.05s][error][crac] Image checkpoint has incompatible CPU features in its user data", "[0.05s][error][crac] Failed to restore checkpoint", Verdicts.RestoreFailure, "cpu-feature-mismatch")]
    [InlineData("Exception in thread \"main\" java.lang.UnsatisfiedLinkError: org/eclipse/openj9/criu/CRIUSupport.checkpointJVMImpl(Ljava/lang/String;ZZ)V", null, Verdicts.CheckpointFailure, "criu-not-installed")]
    [InlineData("(00.250) Restore finished successfully. Tasks resumed.", "# SIGBUS (0x7) at pc=0x00007f3a2c1d2e18, pid=1, tid=7", Verdicts.RestoreFailure, "file-mismatch")]
    [InlineData("CWWKC0452I: The Liberty server process resumed operation from a checkpoint in 0.31 seconds.", "Type=Bus error vmState=0x00000000", Verdicts.RestoreFailure, "file-mismatch")]
    [InlineData("# podman-remote container checkpoint web", "Error: checkpoint/restore requires at least CRIU 31100", Verdicts.CheckpointFailure, "unknown")]
    [InlineData("(00.36) 1: Error (criu/files-reg.c:1487): File sys/fs/cgroup/cpu has bad mode 040755 (expect 040775)", null, Verdicts.RestoreFailure, "cgroup")]
    [InlineData("$ docker checkpoint create web cp1", "Error response from daemon: Cannot checkpoint container web: rpc error: code = 2 desc = exit status 1: \"Unable to execute CRIU command: criu\\n\"", Verdicts.CheckpointFailure, "criu-not-installed")]
    public void ClassifyLines_CauseNamedByTheComponent(string line, string? then, string verdict, string cause)
    {
        var result = RestoreDetector.ClassifyLines(then is null ? [line] : [line, then], Catalog);

        Assert.Equal((verdict, cause), (result.Verdict, result.Cause));
    }

    /// <summary>CRIU errors quoted without their <c>Error (file.c:NNN):</c> prefix: the subsystem's log prefix still names the component.</summary>
    [Theory]
    [InlineData("mnt-v2: Failed to make mount 12 slave: Invalid argument.", Verdicts.RestoreFailure, "mount-namespace")]
    [InlineData("(00.0123) 7: cg: Unable to move 7 into cgroup: Permission denied", Verdicts.RestoreFailure, "cgroup")]
    [InlineData("pagemap-cache: Can't read 42's pagemap file: No such file or directory", Verdicts.CheckpointFailure, CauseIds.Unknown)]
    public void ClassifyLines_CriuErrorWithoutItsPrefix_SubsystemFromLogPrefix(string line, string verdict, string cause)
    {
        var result = RestoreDetector.ClassifyLines([line], Catalog);

        Assert.Equal((verdict, cause), (result.Verdict, result.Cause));
    }

    /// <summary>The same prefixes in CRIU's own debug lines, or in lines that only look like them, are no failure.</summary>
    [Theory]
    [InlineData("(00.002446) mnt:   <--")]
    [InlineData("(00.1) 1: mnt: Mount 97 is not external, skipping")]
    [InlineData("net: Failed to resolve api.example.com")]
    public void ClassifyLines_LogPrefixWithoutFailureVerb_NotAFailure(string line)
    {
        Assert.Equal(Verdicts.None, RestoreDetector.ClassifyLines([line], Catalog).Verdict);
    }

    /// <summary>containerd's shim names CRIU's log criu-dump.log: the failure is a checkpoint's.</summary>
    [Fact]
    public void ClassifyLines_ContainerdNamesCriuDumpLog_CheckpointFailure()
    {
        var result = RestoreDetector.ClassifyLines(
        [
            "--- FAIL: TestCheckpointRestore (0.20s)",
            "    checkpoint_test.go:218: runc did not terminate successfully: criu failed: type NOTIFY errno 0 path= /run/containerd/io.containerd.runtime.v2.task/default/web/criu-dump.log: unknown",
        ], Catalog);

        Assert.Equal(Verdicts.CheckpointFailure, result.Verdict);
    }

    /// <summary>
    /// When a structural rule names the cause, the why is the rule's mechanism (what happened in this log), and a rule
    /// whose case the cause's general fix does not fit carries its own fix; otherwise the cause's own text.
    /// </summary>
    [Fact]
    public void ClassifyLines_RuleDecidesTheCause_WhyIsItsMechanismAndItsFixWhenItHasOne()
    {
        var rule = Catalog.Document.Rules.Single(r => r.Id == "parasite-connect-denied");
        var byRule = RestoreDetector.ClassifyLines(["(00.37) Error (compel/src/lib/infect.c:633): Unable to connect a transport socket: Permission denied"], Catalog);
        var withoutFix = RestoreDetector.ClassifyLines(["Error (criu/cgroup.c:1999): cg: Unable to set up controller cpuset: Invalid argument", "Error (criu/cr-restore.c:2447): Restoring FAILED."], Catalog);
        var bySignature = RestoreDetector.ClassifyLines(["(00.1) Error (criu/cr-restore.c:1480): 5507 killed by signal 11: Segmentation fault", "Error (criu/cr-restore.c:2447): Restoring FAILED."], Catalog);

        Assert.Equal(("lsm-profile", rule.Fix), (byRule.Cause, byRule.Fix));
        Assert.StartsWith("To dump a task CRIU injects a parasite", byRule.Explanation, StringComparison.Ordinal);
        Assert.NotEqual(Catalog.Cause("lsm-profile")!.Fix, byRule.Fix);
        Assert.Equal(("cgroup", Catalog.Cause("cgroup")!.Fix), (withoutFix.Cause, withoutFix.Fix));
        Assert.StartsWith("CRIU's cgroup code failed", withoutFix.Explanation, StringComparison.Ordinal);
        Assert.Equal((Catalog.Cause(bySignature.Cause)!.Explanation, Catalog.Cause(bySignature.Cause)!.Fix), (bySignature.Explanation, bySignature.Fix));
    }

    /// <summary>A dump that failed, then a `criu check` typed to find out why: the dump failure stands, with its cause.</summary>
    [Fact]
    public void ClassifyLines_FailedDumpThenCheckCommand_TheDumpFailure()
    {
        var result = RestoreDetector.ClassifyLines(
        [
            "(00.0060) Error (ptrace.c:64): suspending seccomp failed: Invalid argument",
            DumpFailed,
            "$ criu check",
            "Error (cr-check.c:634): Kernel doesn't support PTRACE_O_SUSPEND_SECCOMP",
        ], Catalog);

        Assert.Equal((Verdicts.CheckpointFailure, "seccomp"), (result.Verdict, result.Cause));
    }

    /// <summary>CRIU's BUG() in the restorer after it said the restore finished: the restored task died; the capability error before it is the cause.</summary>
    [Fact]
    public void ClassifyLines_RestorerBugAfterRestoreFinished_RestoreFailureWithCause()
    {
        var result = RestoreDetector.ClassifyLines(
        [
            "(00.2503) pie: 21: Error (criu/pie/restorer.c:297): Unable to restore capabilities: -1",
            "(00.2504) Restore finished successfully. Resuming tasks.",
            "(00.2505) pie: 21: Error (criu/pie/restorer.c:1745): BUG at criu/pie/restorer.c:1745",
            "(00.2506) Error (compel/src/lib/infect.c:1440): Task 21 is in unexpected state: b7f",
        ], Catalog);

        Assert.Equal((Verdicts.RestoreFailure, "missing-capability"), (result.Verdict, result.Cause));
    }

    /// <summary>The runtime did not find CRIU on the node.</summary>
    [Theory]
    [InlineData("checkpointing of default/web/app failed (rpc error: code = Unknown desc = criu binary not found in shim path or system PATH)")]
    [InlineData("Error: failed to checkpoint container 0996cc: running crun checkpoint: could not load `libcriu.so.2`")]
    public void ClassifyLines_RuntimeFoundNoCriu_CriuNotInstalled(string line)
    {
        var result = RestoreDetector.ClassifyLines([line], Catalog);

        Assert.Equal((Verdicts.CheckpointFailure, "criu-not-installed"), (result.Verdict, result.Cause));
    }

    /// <summary>A Docker daemon error or a glibc abort with no restore or checkpoint beside it is no restore failure.</summary>
    [Theory]
    [InlineData("Error response from daemon: No such container: web")]
    [InlineData("*** stack smashing detected ***: terminated")]
    [InlineData("rpc error: code = Unavailable desc = connection refused")]
    [InlineData("thread 'worker' panicked at src/main.rs:3:9:")]
    public void ClassifyLines_RuntimeErrorWithoutRestoreLines_NotAFailure(string line)
    {
        Assert.Equal(Verdicts.None, RestoreDetector.ClassifyLines([line], Catalog).Verdict);
    }

    [Fact]
    public void ClassifyLines_TestFailedAfterLibertyRestored_StaysSuccess()
    {
        var result = RestoreDetector.ClassifyLines(
        [
            "[AUDIT   ] CWWKC0452I: The Liberty server process resumed operation from a checkpoint in 0.210 seconds.",
            "ORDER_CHECK_FAILED order=12",
        ], Catalog);

        Assert.Equal(Verdicts.RestoreSuccess, result.Verdict);
    }

    [Fact]
    public void ClassifyLines_UserRequestedJavaDumpAfterRestore_NotAFailure()
    {
        var result = RestoreDetector.ClassifyLines(
        [
            "[AUDIT   ] CWWKC0452I: The Liberty server process resumed operation from a checkpoint in 0.210 seconds.",
            "JVMDUMP039I Processing dump event \"user\", detail \"\" at 2025/01/01 00:00:00 - please wait.",
            "JVMDUMP032I JVM requested Java dump using '/opt/ol/wlp/output/defaultServer/javacore.txt' in response to an event",
        ], Catalog);

        Assert.Equal(Verdicts.RestoreSuccess, result.Verdict);
    }

    [Fact]
    public void ClassifyLines_JvmCrashAfterRestore_RestoreFailureWithCpuCause()
    {
        var result = RestoreDetector.ClassifyLines(
        [
            "[AUDIT   ] CWWKC0452I: The Liberty server process resumed operation from a checkpoint in 0.210 seconds.",
            "Unhandled exception",
            "Type=Illegal instruction vmState=0x00000000",
            "JVMDUMP039I Processing dump event \"gpf\", detail \"\" at 2025/01/01 00:00:00 - please wait.",
        ], Catalog);

        Assert.Equal((Verdicts.RestoreFailure, "cpu-feature-mismatch", RemedyClasses.Hardware), (result.Verdict, result.Cause, result.Remedy));
    }

    [Fact]
    public void ClassifyLines_WarningsOnly_NotAFailure()
    {
        var result = RestoreDetector.ClassifyLines(
        [
            "Warn  (criu/kerndat.c:1103): $XDG_RUNTIME_DIR not set. Cannot find location for kerndat file",
            "Warn  (criu/kerndat.c:1472): Can't keep kdat cache on non-tempfs",
            "Warn  (criu/cgroup.c:330): cg: Failed to read something optional",
        ], Catalog);

        Assert.Equal(Verdicts.None, result.Verdict);
    }

    [Fact]
    public void ClassifyLines_CriuCheckOutput_NoneWithNodeFact()
    {
        var result = RestoreDetector.ClassifyLines(
        [
            "Warn  (criu/cr-check.c:813): ptrace(PTRACE_GET_RSEQ_CONFIGURATION) isn't supported. C/R of processes which are using rseq() won't work.",
            "Looks good but some kernel features are missing which, depending on your process tree, may cause dump or restore failure.",
        ], Catalog);

        Assert.Equal((Verdicts.None, CauseIds.None), (result.Verdict, result.Cause));
        Assert.Contains("node-kernel-lacks-get-rseq-conf", result.Signals);
    }

    [Fact]
    public void ClassifyLines_FailureWithoutIdentifyingLineButNodeFact_CauseFromNodeFact()
    {
        var result = RestoreDetector.ClassifyLines(
        [
            "(00.001) kerndat: ptrace(PTRACE_GET_RSEQ_CONFIGURATION) is not supported",
            "Error (criu/cr-dump.c:2111): Dumping FAILED.",
        ], Catalog);

        Assert.Equal((Verdicts.CheckpointFailure, CauseIds.RseqPtraceUnsupported), (result.Verdict, result.Cause));
        Assert.Contains(Signals.CauseFromNodeFact, result.Signals);
    }

    [Fact]
    public void ClassifyLines_RestoreCommandThenProgramOutput_RestoreSuccess()
    {
        var result = RestoreDetector.ClassifyLines(["$ sudo criu restore -D ckpt --shell-job", "tick 41", "tick 42", "tick 43"], Catalog);

        Assert.Equal(Verdicts.RestoreSuccess, result.Verdict);
    }

    [Fact]
    public void ClassifyLines_SpecificSignatureOutranksStructuralRule()
    {
        // files-reg + ENOENT would say file-mismatch; the ns_last_pid signature is the more specific knowledge.
        var result = RestoreDetector.ClassifyLines(
        [
            "Error (criu/cr-restore.c:1325): Can't open -1/sys/kernel/ns_last_pid on procfs: Read-only file system",
            "Error (criu/files-reg.c:2100): Can't open file tmp/x on restore: No such file or directory",
            "Error (criu/cr-restore.c:2447): Restoring FAILED.",
        ], Catalog);

        Assert.Equal("seccomp-clone3-ns-last-pid", result.Cause);
    }

    [Fact]
    public void ClassifyStream_EveryCorpusLog_SameAnswerAsClassifyLines()
    {
        foreach (var entry in CorpusEntry.Load())
        {
            var byLines = RestoreDetector.ClassifyLines(File.ReadLines(entry.Path), Catalog);
            using var file = File.OpenRead(entry.Path);
            var byStream = RestoreDetector.ClassifyStream(file, Catalog);

            Assert.Equal((byLines.Verdict, byLines.Cause, byLines.Remedy, byLines.Episodes), (byStream.Verdict, byStream.Cause, byStream.Remedy, byStream.Episodes));
            Assert.Equal(byLines.Evidence, byStream.Evidence);
            Assert.Equal(byLines.Signals, byStream.Signals);
        }
    }

    /// <summary>
    /// The stream path scans each chunk's halves side by side and takes lines from the match positions: whatever the
    /// read sizes (chunks split or not, lines cut between reads), it answers as ClassifyLines does.
    /// </summary>
    [Theory]
    [InlineData(1 << 20)]
    [InlineData(4099)]
    [InlineData(7919)]
    [InlineData(65_537)]
    [InlineData(333)]
    public void ClassifyStream_CorpusConcatenatedAnyReadSize_SameResultAsClassifyLines(int readSize)
    {
        var unit = string.Concat(CorpusEntry.Load().OrderBy(e => e.Path, StringComparer.Ordinal).Select(e => File.ReadAllText(e.Path).TrimEnd('\n') + "\n"));
        var text = string.Concat(Enumerable.Repeat(unit, 3));
        var byLines = RestoreDetector.ClassifyLines(text.Split('\n'), Catalog);

        using var stream = new SmallReads(Encoding.UTF8.GetBytes(text), readSize);
        var byStream = RestoreDetector.ClassifyStream(stream, Catalog);

        Assert.Equal((byLines.Verdict, byLines.Cause, byLines.Remedy, byLines.Episodes), (byStream.Verdict, byStream.Cause, byStream.Remedy, byStream.Episodes));
        Assert.Equal(byLines.Evidence, byStream.Evidence);
        Assert.Equal(byLines.Benign, byStream.Benign);
        Assert.Equal(byLines.Signals, byStream.Signals);
        Assert.Equal(byLines.Matched, byStream.Matched);
    }

    /// <summary>
    /// Episodes are recycled once classified and not kept: the answer for a log must not depend on what was
    /// classified before it in the same process, nor on the episodes before the kept one.
    /// </summary>
    [Fact]
    public void ClassifyLines_RecycledEpisodes_DoNotLeakIntoTheKeptOne()
    {
        string[] failure =
        [
            "[ERROR   ] CWWKE0964E: Restoring the checkpoint server process failed. Check the /logs/checkpoint/restore.log log to determine why the checkpoint process was not restored.",
            "Warn  (criu/kerndat.c:1103): $XDG_RUNTIME_DIR not set. Cannot find location for kerndat file",
            "Error (criu/cr-restore.c:1230): Can't fork for 5: File exists",
            "Error (criu/cr-restore.c:2447): Restoring FAILED.",
        ];
        string[] noisy =
        [
            "Warn  (criu/sockets.c:544): sockets: \tsocket has dumped SO_BUF_LOCK state but kernel doesn't support SO_BUF_LOCK",
            "[AUDIT   ] CWWKC0452I: The Liberty server process resumed operation from a checkpoint in 0.210 seconds.",
            "JVMJITM043W AOT load and compilation disabled post restore.",
        ];
        var alone = RestoreDetector.ClassifyLines(failure, Catalog);

        var afterOthers = RestoreDetector.ClassifyLines([.. noisy, .. noisy, .. failure], Catalog);

        Assert.Equal((alone.Verdict, alone.Cause), (afterOthers.Verdict, afterOthers.Cause));
        Assert.Equal(alone.Evidence, afterOthers.Evidence);
        Assert.Equal(alone.Benign, afterOthers.Benign);
        Assert.Equal(3, afterOthers.Episodes);
    }

    /// <summary>
    /// Regexes that start with the CRIU error prefix run as their message part after code has read the prefix: on
    /// every corpus line and on prefix edge cases, that answers exactly as the whole regex does.
    /// </summary>
    [Fact]
    public void Confirms_CriuPrefixReadByCode_SameAsWholeRegex()
    {
        string[] edges =
        [
            "Error (criu/cr-restore.c:1230): Can't fork for 5: File exists",
            "Error (criu/cr-restore.c:1230):  Can't fork for 5: File exists",
            "Error (cr-restore.c:12): Restoring FAILED.",
            "Error (.c:12): x",
            "Error (a.c:): x",
            "Error (a.h:12): x",
            "Error (crïu/cr-restore.c:1230): Can't fork for 5: File exists",
            "Error (bad file.c:1): x Error (criu/files-reg.c:2150): File /tmp/x has bad size 4 (expect 5)",
            "pie: 7: Error (criu/pie/restorer.c:1642): prctl failed @1643 with -1",
            "(00.1) 1: Error (criu/cr-restore.c:1492): 133 killed by signal 11: Segmentation fault",
        ];
        var lines = CorpusEntry.Load().SelectMany(e => File.ReadLines(e.Path)).Concat(edges).ToList();
        var patterns = Catalog.Matcher.Patterns.Where(p => p.CriuMessage is not null).ToList();

        Assert.True(patterns.Count >= 30, $"{patterns.Count} patterns read the CRIU prefix by code");
        foreach (var p in patterns)
        {
            foreach (var line in lines)
            {
                Assert.True(p.Regex!.IsMatch(LineMatcher.RegexInput(line)) == p.Confirms(line), $"{p.Id}: {line}");
            }
        }
    }

    [Fact]
    public void ClassifyStream_50MbSingleLine_EvidenceCutAndMemoryBounded()
    {
        var head = "Error (criu/cr-restore.c:1230): Can't fork for 5: File exists ";
        using var stream = new RepeatingLine(head, 50_000_000);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = RestoreDetector.ClassifyStream(stream, Catalog);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal((Verdicts.RestoreFailure, "pid-conflict"), (result.Verdict, result.Cause));
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(EvidenceText.MaxChars + EvidenceText.Ellipsis.Length, evidence.Length);
        Assert.StartsWith(head, evidence, StringComparison.Ordinal);
        Assert.EndsWith(EvidenceText.Ellipsis, evidence, StringComparison.Ordinal);
        Assert.True(allocated < 16_000_000, $"allocated {allocated} bytes for a 50 MB line");
    }

    [Fact]
    public void ClassifyLines_HugeLine_EvidenceCut()
    {
        var line = "Error (criu/cr-restore.c:1230): Can't fork for 5: File exists " + new string('x', 5_000_000);

        var result = RestoreDetector.ClassifyLines([line], Catalog);

        Assert.All(result.Evidence, e => Assert.True(e.Length <= EvidenceText.MaxChars + EvidenceText.Ellipsis.Length));
        Assert.Equal("pid-conflict", result.Cause);
    }

    /// <summary>One line of <c>length</c> bytes (the head, then 'x'), then a newline, produced on demand.</summary>
    private sealed class RepeatingLine(string head, long length) : Stream
    {
        private readonly byte[] headBytes = Encoding.UTF8.GetBytes(head);
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length + 1;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = 0;
            while (n < count && position <= length)
            {
                buffer[offset + n++] = position == length ? (byte)'\n' : position < headBytes.Length ? headBytes[position] : (byte)'x';
                position++;
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A byte array read at most <c>readSize</c> bytes at a time.</summary>
    private sealed class SmallReads(byte[] data, int readSize) : MemoryStream(data, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, readSize));
    }
}
