using InstantOnRemediate.Aws.State;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Aws.Tests.State;

public sealed class FileStateStoreTests : StateStoreContract, IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "instanton-state-" + Guid.NewGuid().ToString("N"));

    protected override Task<IStateStore> CreateStoreAsync() => Task.FromResult<IStateStore>(new FileStateStore(directory, Clock));

    [Fact]
    public async Task Put_LogGroupKeysWithSlashes_StayInsideTheDirectory()
    {
        var store = await CreateStoreAsync();

        Assert.True(await store.TryMarkEventProcessedAsync("/../../etc/passwd", "1", Start.AddDays(1)));

        Assert.All(Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories), p => Assert.StartsWith(directory, Path.GetFullPath(p), StringComparison.Ordinal));
        Assert.False(await store.TryMarkEventProcessedAsync("/../../etc/passwd", "1", Start.AddDays(1)));
    }

    [Fact]
    public async Task TwoStoreInstances_SameDirectory_ShareClaims()
    {
        var a = new FileStateStore(directory, Clock);
        var b = new FileStateStore(directory, Clock);
        var claim = new ActionClaim { ActionId = "x", Type = "notify", Cluster = "prod", Owner = "cli", ClaimedAt = Start, ExpiresAt = Start.AddHours(1) };

        Assert.True(await a.TryClaimActionAsync(claim));
        Assert.False(await b.TryClaimActionAsync(claim with { Owner = "other" }));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
