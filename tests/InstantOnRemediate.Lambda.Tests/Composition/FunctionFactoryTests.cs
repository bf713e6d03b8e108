using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Logging;

namespace InstantOnRemediate.Lambda.Tests.Composition;

public sealed class FunctionFactoryTests
{
    [Theory]
    [InlineData("detect", typeof(DetectHandler))]
    [InlineData("runbook", typeof(RunbookHandler))]
    [InlineData("reconcile", typeof(ReconcileHandler))]
    public void Create_KnownHandler_BuildsIt(string name, Type expected)
    {
        var handler = FunctionFactory.Create(name, new FunctionOptions(), JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System);

        Assert.IsType(expected, handler);
        Assert.Equal(name, handler.Name);
    }

    [Theory]
    [InlineData("Detect")]
    [InlineData("bootstrap")]
    [InlineData("detect ")]
    [InlineData("")]
    public void Create_UnknownHandler_ThrowsNoSuchHandler(string name)
    {
        var e = Assert.Throws<FunctionConfigurationException>(() => FunctionFactory.Create(name, new FunctionOptions(), JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System));

        Assert.Equal("Runtime.NoSuchHandler", e.ErrorType);
        Assert.Contains("detect, runbook, reconcile", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsInvalidConfiguration()
    {
        var e = Assert.Throws<FunctionConfigurationException>(() => FunctionFactory.Create("detect", new FunctionOptions { Mode = "fix-everything" }, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System));

        Assert.Equal("Runtime.InvalidConfiguration", e.ErrorType);
    }
}
