namespace InstantOnRemediate.Cli.Commands;

internal static class InventoryCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        _ = args;
        _ = stdout;
        throw new UsageException("'inventory' is not part of this build yet");
    }
}
