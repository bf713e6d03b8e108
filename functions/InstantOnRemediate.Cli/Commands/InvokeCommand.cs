namespace InstantOnRemediate.Cli.Commands;

internal static class InvokeCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        _ = args;
        _ = stdout;
        throw new UsageException("'invoke' is not part of this build yet");
    }
}
