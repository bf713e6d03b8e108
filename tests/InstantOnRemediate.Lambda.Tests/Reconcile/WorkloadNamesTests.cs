using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Lambda.Tests.Reconcile;

public sealed class WorkloadNamesTests
{
    [Theory]
    [InlineData("orders-7d9f8b6c5-x2k4q", "orders")]
    [InlineData("payment-api-5c8d7b9f4d-m8p2z", "payment-api")]
    [InlineData("db-2", "db")]
    [InlineData("standalone", "standalone")]
    [InlineData("shop-checkout", "shop-checkout")]
    public void Of_PodName_IsItsWorkload(string pod, string workload) => Assert.Equal(workload, WorkloadNames.Of(pod));

    [Fact]
    public void Of_NoPod_IsNull() => Assert.Null(WorkloadNames.Of(null));
}
