using InstantOnRemediate.Core.Classification.Catalog;

namespace InstantOnRemediate.Core.Classification;

/// <summary>Checks the structural layers of a catalog (subsystems, errnos, rules); the first problem names the entry.</summary>
internal static class StructureValidator
{
    /// <summary>Who else prints failure lines; structural rules and markers name them as origins.</summary>
    internal static readonly IReadOnlyList<string> WrapperOrigins = ["criu", "runtime", "jvm", "liberty", "test", "kubernetes", "kernel"];

    public static HashSet<string> ValidateSubsystems(IReadOnlyList<SubsystemDefinition> subsystems)
    {
        var known = new HashSet<string>(WrapperOrigins, StringComparer.Ordinal);
        var files = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < subsystems.Count; i++)
        {
            var s = subsystems[i];
            var where = $"subsystems[{i}] '{s.Id}'";
            if (!known.Add(s.Id))
            {
                throw CatalogValidator.Fail(where, "id is used twice or is a wrapper origin");
            }

            if (s.Files.Count == 0 && s.Prefixes.Count == 0)
            {
                throw CatalogValidator.Fail(where, "needs files or prefixes");
            }

            foreach (var f in s.Files)
            {
                if (!f.EndsWith(".c", StringComparison.Ordinal) || f.Contains('/', StringComparison.Ordinal) || !files.Add(f))
                {
                    throw CatalogValidator.Fail(where, $"file '{f}' must be a bare .c name listed once in the catalog");
                }
            }

            if (s.Phase is not (Phases.Checkpoint or Phases.Restore or Phases.Any))
            {
                throw CatalogValidator.Fail(where, $"phase '{s.Phase}' must be checkpoint, restore or any");
            }

            if (string.IsNullOrWhiteSpace(s.Source))
            {
                throw CatalogValidator.Fail(where, "source is empty: say where the file/prefix mapping comes from");
            }
        }

        return known;
    }

    public static HashSet<string> ValidateErrnos(IReadOnlyList<ErrnoDefinition> errnos)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < errnos.Count; i++)
        {
            var e = errnos[i];
            var where = $"errnos[{i}] '{e.Name}'";
            if (e.Name.Length < 3 || e.Name[0] != 'E' || e.Name.Any(c => !char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c)) || !names.Add(e.Name))
            {
                throw CatalogValidator.Fail(where, "name must be an upper-case errno name (EPERM) listed once");
            }

            if (e.Number is <= 0 or > 4095 || e.Text.Length < 4)
            {
                throw CatalogValidator.Fail(where, "needs a number 1..4095 and the strerror text");
            }
        }

        return names;
    }

    public static void ValidateRules(IReadOnlyList<RuleDefinition> rules, HashSet<string> causeIds, HashSet<string> origins, HashSet<string> errnoNames, HashSet<string> ids)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            var where = $"rules[{i}] '{r.Id}'";
            CatalogValidator.CheckId(ids, r.Id, where);
            if (!causeIds.Contains(r.Cause) || r.Cause == CauseIds.Unknown)
            {
                throw CatalogValidator.Fail(where, $"cause '{r.Cause}' is not a defined cause (other than 'unknown')");
            }

            if (r.Origins.Count == 0 && r.Errnos.Count == 0)
            {
                throw CatalogValidator.Fail(where, "needs origins or errnos (a rule of words alone is a signature)");
            }

            if (r.Origins.FirstOrDefault(o => !origins.Contains(o)) is { } badOrigin)
            {
                throw CatalogValidator.Fail(where, $"origin '{badOrigin}' is neither a subsystem nor one of {string.Join(", ", WrapperOrigins)}");
            }

            if (r.Errnos.FirstOrDefault(e => !errnoNames.Contains(e)) is { } badErrno)
            {
                throw CatalogValidator.Fail(where, $"errno '{badErrno}' is not in errnos");
            }

            if (r.Objects.Any(o => o.Length < 3))
            {
                throw CatalogValidator.Fail(where, "object words need 3 or more characters");
            }

            if (r.Verdict is not (null or Verdicts.RestoreFailure or Verdicts.CheckpointFailure))
            {
                throw CatalogValidator.Fail(where, $"verdict '{r.Verdict}' must be restore-failure or checkpoint-failure");
            }

            if (r.Precedence is < 0 or > 1000)
            {
                throw CatalogValidator.Fail(where, "precedence must be 0..1000");
            }

            if (r.RequiresPhase is not (null or Phases.Checkpoint or Phases.Restore))
            {
                throw CatalogValidator.Fail(where, $"requiresPhase '{r.RequiresPhase}' must be checkpoint or restore");
            }

            if (r.KernelBelow is { } k && (!KernelRelease.TryParse(k.Version, out _) || !causeIds.Contains(k.Cause)))
            {
                throw CatalogValidator.Fail(where, $"kernelBelow needs a version like 5.13 and a defined cause (got '{k.Version}', '{k.Cause}')");
            }

            CatalogValidator.CheckSignals(r.Signals, where);
            if (string.IsNullOrWhiteSpace(r.Mechanism) || string.IsNullOrWhiteSpace(r.Source))
            {
                throw CatalogValidator.Fail(where, "needs a mechanism and a source");
            }
        }
    }
}
