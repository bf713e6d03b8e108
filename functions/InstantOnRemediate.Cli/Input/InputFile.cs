namespace InstantOnRemediate.Cli.Input;

/// <summary>
/// Opens a file named on the command line for reading, or says in a few words why it cannot be read:
/// a <see cref="UsageException"/> "cannot read WHAT: no such file | is a directory | permission denied | ...".
/// </summary>
internal static class InputFile
{
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="what">How the messages name it, e.g. the path itself or "event 'x.json'".</param>
    public static FileStream OpenRead(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw Unreadable(what, "is a directory");
        }

        try
        {
            // bufferSize 0: the readers read in large chunks of their own. ReadWrite: a pod log may still be growing.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Unreadable(what, "no such file", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw Unreadable(what, "permission denied", e);
        }
        catch (IOException e)
        {
            throw Unreadable(what, e.Message, e);
        }
    }

    /// <summary>The exit-2 error for an input that cannot be read: "cannot read WHAT: REASON" on one line.</summary>
    public static UsageException Unreadable(string what, string reason, Exception? cause = null)
    {
        var message = $"cannot read {what}: {reason.ReplaceLineEndings(" ").Trim()}";
        return cause is null ? new UsageException(message) : new UsageException(message, cause);
    }
}
