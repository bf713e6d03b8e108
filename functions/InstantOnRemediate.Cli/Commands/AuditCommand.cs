namespace InstantOnRemediate.Cli.Commands;

internal static class AuditCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        _ = args;
        _ = stdout;
        throw new UsageException("'audit' is not part of this build yet");
    }
}
