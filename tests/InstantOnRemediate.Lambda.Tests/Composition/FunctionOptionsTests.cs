using System.Collections;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Lambda.Tests.Composition;

public sealed class FunctionOptionsTests
{
    [Fact]
    public void FromEnvironment_Empty_ObserveThroughAws()
    {
        var options = FunctionOptions.FromEnvironment(new Hashtable());

        Assert.Equal("observe", options.Mode);
        Assert.True(options.UseAws);
        Assert.Null(options.InventoryFile);
        Assert.Null(options.StateDirectory);
        Assert.Null(options.Now);
    }

    [Fact]
    public void FromEnvironment_AllVariables_AreRead()
    {
        var root = Directory.CreateTempSubdirectory("instanton-task-root");
        try
        {
            File.WriteAllText(Path.Combine(root.FullName, "inventory.json"), "{}");
            var options = FunctionOptions.FromEnvironment(new Hashtable
            {
                ["MODE"] = "enforce",
                ["INVENTORY_FILE"] = "inventory.json",
                ["LAMBDA_TASK_ROOT"] = root.FullName,
                ["STATE_DIRECTORY"] = "/tmp/state",
                ["NOW"] = "2025-05-08T10:15:00+02:00",
            });

            Assert.Equal("enforce", options.Mode);
            Assert.Equal(Path.Combine(root.FullName, "inventory.json"), options.InventoryFile);
            Assert.False(options.UseAws);
            Assert.Equal("/tmp/state", options.StateDirectory);
            Assert.Equal(new DateTimeOffset(2025, 5, 8, 8, 15, 0, TimeSpan.Zero), options.Now);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("MODE", "yolo", "'yolo'")]
    [InlineData("MODE", "Observe", "'Observe'")]
    [InlineData("USE_AWS", "maybe", "USE_AWS")]
    [InlineData("NOW", "2025-05-08T10:15:00", "NOW")]
    [InlineData("NOW", "yesterday", "NOW")]
    [InlineData("INVENTORY_FILE", "/nonexistent/inventory.json", "does not exist")]
    public void FromEnvironment_InvalidValue_ThrowsConfigurationErrorNamingIt(string name, string value, string expected)
    {
        var e = Assert.Throws<FunctionConfigurationException>(() => FunctionOptions.FromEnvironment(new Hashtable { [name] = value }));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal("Runtime.InvalidConfiguration", e.ErrorType);
    }

    [Fact]
    public void Validate_InventoryFileAndAws_AreExclusive()
    {
        var e = Assert.Throws<FunctionConfigurationException>(() => new FunctionOptions { UseAws = true, InventoryFile = "x.json" }.Validate());

        Assert.Contains("not both", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentVariables_DocumentEveryVariableRead()
    {
        var documented = FunctionOptions.EnvironmentVariables.Select(v => v.Name).ToHashSet();
        // What the readers actually ask for: the options, the service settings and the host's log level.
        var environment = new RecordingEnvironment();
        FunctionOptions.FromEnvironment(environment);
        ServiceSettings.FromEnvironment(environment);
        _ = environment[FunctionOptions.LogLevelVariable];

        Assert.Equal(environment.Read.Order(), documented.Order());
        Assert.All(FunctionOptions.EnvironmentVariables, v => Assert.False(string.IsNullOrWhiteSpace(v.Meaning)));
    }

    [Fact]
    public void DecisionClock_FixedNow_StopsTheClock()
    {
        var now = new DateTimeOffset(2025, 5, 8, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(now, new FunctionOptions { Now = now }.DecisionClock(TimeProvider.System).GetUtcNow());
        Assert.Same(TimeProvider.System, new FunctionOptions().DecisionClock(TimeProvider.System));
    }
}
