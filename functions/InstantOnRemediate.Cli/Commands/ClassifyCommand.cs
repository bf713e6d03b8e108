namespace InstantOnRemediate.Cli.Commands;

internal static class ClassifyCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        _ = args;
        _ = stdout;
        throw new UsageException("'classify' is not part of this build yet");
    }
}
