namespace InstantOnRemediate.Reliability.Tests.Support;

/// <summary>
/// Scratch directories for file state stores: in memory (/dev/shm) where the machine has it, since a storm leaves
/// tens of thousands of rows and removing them from a disk under load takes minutes; the temp folder otherwise.
/// </summary>
internal static class Scratch
{
    private const string SharedMemory = "/dev/shm";

    public static string Directory(string prefix)
    {
        if (System.IO.Directory.Exists(SharedMemory))
        {
            try
            {
                var path = Path.Combine(SharedMemory, prefix + Guid.NewGuid().ToString("N"));
                System.IO.Directory.CreateDirectory(path);
                return path;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return System.IO.Directory.CreateTempSubdirectory(prefix).FullName;
    }
}
