using System.Diagnostics;
using System.Text.RegularExpressions;
using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>
/// The command documents' shell scripts, run here with sh as Run Command runs them on a node: the diagnostics script
/// is read-only and prints one JSON document the service reads; the Yama fix records the scope it found and its undo
/// puts that back (the fix and undo run against temporary files standing in for /proc, /etc and /var/lib).
/// </summary>
public sealed partial class SsmDocumentScriptsTests
{
    [Fact]
    public void Diagnostics_RunOnThisMachine_PrintsOneDocumentTheProbeReads()
    {
        var (exit, stdout, stderr) = Run(string.Join('\n', SsmDocumentFiles.Script("NodeDiagnosticsDocument")));

        Assert.True(exit == 0, stderr);
        Assert.Single(stdout.Trim().Split('\n'));
        var reading = NodeDiagnosticsReader.Read(stdout, KernelFeatureMatrix.Default);
        Assert.True(reading.Diagnostics is not null, reading.Problem);
        Assert.Equal(Run("uname -r").Stdout.Trim(), reading.Diagnostics.Kernel);
        Assert.Contains("ptrace-get-rseq-conf", reading.Diagnostics.Features.Keys);
        Assert.InRange(stdout.Length, 100, 8192);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Diagnostics_CriuOnTheNode_AnswersGetRseqConfByCriuCheck(int checkExit, bool supported)
    {
        var bin = Directory.CreateTempSubdirectory("fake-criu-").FullName;
        try
        {
            var criu = Path.Combine(bin, "criu");
            File.WriteAllText(criu, $"#!/bin/sh\ncase \"$1\" in --version) echo 'Version: 4.1' ;; check) [ \"$3\" = get_rseq_conf ] && exit {checkExit} ;; esac\nexit 9\n");
            Assert.Equal(0, Run($"chmod 700 {criu}").Exit);

            var (exit, stdout, stderr) = Run($"PATH={bin}:$PATH\n" + string.Join('\n', SsmDocumentFiles.Script("NodeDiagnosticsDocument")));

            Assert.True(exit == 0, stderr);
            var d = NodeDiagnosticsReader.Read(stdout, KernelFeatureMatrix.Default).Diagnostics!;
            Assert.Equal((criu, "node", "4.1"), (d.CriuPath, d.CriuWhere, d.CriuVersion));
            Assert.Equal(new ReportedFeature(supported, FeatureProbes.CriuCheck), d.Features["ptrace-get-rseq-conf"]);
            Assert.Equal(supported, d.ProbedFeatures["ptrace-get-rseq-conf"]);
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }

    [Fact]
    public void Diagnostics_Script_WritesNothing()
    {
        var script = SsmDocumentFiles.Script("NodeDiagnosticsDocument");

        Assert.All(script, line =>
        {
            Assert.DoesNotMatch(FileRedirect(), line);
            Assert.DoesNotMatch(@"\b(rm|mv|cp|mkdir|touch|tee|dd|sysctl|chmod|chown|ln|install|truncate)\b", line.Replace("printf", "", StringComparison.Ordinal));
        });
        Assert.Contains(script, l => l.Contains("timeout 20", StringComparison.Ordinal));
    }

    [Fact]
    public void YamaFix_ThenUndo_RecordsTheFoundScopeAndPutsItBack()
    {
        using var node = new FakeNode("2");

        var first = node.Run("YamaPtraceScopeDocument", ("PtraceScope", "1"));
        Assert.Equal((0, "1"), (first.Exit, node.Scope));
        Assert.Contains("kernel.yama.ptrace_scope = 1", File.ReadAllText(node.Conf), StringComparison.Ordinal);
        Assert.Equal("{\"changed\":true,\"previous\":\"2\",\"recorded\":\"2\",\"now\":\"1\"}", first.Stdout.Trim());

        var second = node.Run("YamaPtraceScopeDocument", ("PtraceScope", "0"));
        Assert.Equal((0, "0"), (second.Exit, node.Scope));
        Assert.Contains("\"recorded\":\"2\"", second.Stdout, StringComparison.Ordinal); // the first value is kept

        var undo = node.Run("YamaPtraceScopeUndoDocument");
        Assert.Equal((0, "2"), (undo.Exit, node.Scope));
        Assert.False(File.Exists(node.Conf));
        Assert.False(File.Exists(node.Record));

        var again = node.Run("YamaPtraceScopeUndoDocument");
        Assert.Equal((0, "2"), (again.Exit, node.Scope));
        Assert.Contains("no recorded previous value", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void YamaFix_ScopeThree_IsReportedNotChanged()
    {
        using var node = new FakeNode("3");

        var result = node.Run("YamaPtraceScopeDocument", ("PtraceScope", "1"));

        Assert.Equal((1, "3"), (result.Exit, node.Scope));
        Assert.Contains("cannot be lowered until a reboot", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(node.Conf));
    }

    private static (int Exit, string Stdout, string Stderr) Run(string script)
    {
        var start = new ProcessStartInfo("sh", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(90_000), "the script did not finish");
        return (process.ExitCode, stdout.Result, stderr);
    }

    /// <summary>A redirection into a file: anything but &gt;/dev/null, 2&gt;&amp;1, &gt;&amp;2.</summary>
    [GeneratedRegex(@"[0-9]?>(?!\s*/dev/null|&[12])")]
    private static partial Regex FileRedirect();

    /// <summary>Temporary stand-ins for the knob, the record and the sysctl.d file; the document's script with its paths pointed at them.</summary>
    private sealed class FakeNode : IDisposable
    {
        private readonly string root = Directory.CreateTempSubdirectory("yama-").FullName;

        public FakeNode(string scope)
        {
            Directory.CreateDirectory(Path.Combine(root, "sysctl.d"));
            File.WriteAllText(Knob, scope + "\n");
        }

        public string Knob => Path.Combine(root, "ptrace_scope");

        public string Record => Path.Combine(root, "state", "yama-ptrace-scope.previous");

        public string Conf => Path.Combine(root, "sysctl.d", "90-instanton-remediate-yama.conf");

        public string Scope => File.ReadAllText(Knob).Trim();

        public (int Exit, string Stdout, string Stderr) Run(string resource, params (string Name, string Value)[] parameters)
        {
            var paths = new Dictionary<string, string> { ["knob"] = Knob, ["record"] = Record, ["conf"] = Conf };
            var lines = SsmDocumentFiles.Script(resource).Select(line =>
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && paths.TryGetValue(line[..eq], out var path))
                {
                    Assert.StartsWith("/", line[(eq + 1)..], StringComparison.Ordinal);
                    return $"{line[..eq]}={path}";
                }

                return parameters.Aggregate(line, (l, p) => l.Replace("{{ " + p.Name + " }}", p.Value, StringComparison.Ordinal));
            }).ToList();
            Assert.Equal(3, lines.Count(l => paths.Values.Any(p => l.EndsWith(p, StringComparison.Ordinal))));
            return SsmDocumentScriptsTests.Run(string.Join('\n', lines));
        }

        public void Dispose() => Directory.Delete(root, recursive: true);
    }
}
