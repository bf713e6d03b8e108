using InstantOnRemediate.Aws.Http;

namespace InstantOnRemediate.Aws.Tests.Http;

public sealed class AwsRetryPolicyTests
{
    private static readonly AwsRetryPolicy Policy = new() { MaxAttempts = 5, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(1000) };

    [Theory]
    [InlineData(1, 0.5, 50)]
    [InlineData(2, 0.5, 100)]
    [InlineData(3, 0.5, 200)]
    [InlineData(4, 0.999, 799.2)]
    [InlineData(5, 0.5, 500)]
    [InlineData(40, 0.5, 500)]
    [InlineData(3, 0.0, 0)]
    public void DelayAfter_FullJitterOfCappedExponential_ExpectedMilliseconds(int attempt, double jitter, double expectedMs)
    {
        Assert.Equal(expectedMs, Policy.DelayAfter(attempt, jitter).TotalMilliseconds, precision: 6);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    public void DelayAfter_JitterOutsideUnitInterval_Rejected(double jitter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Policy.DelayAfter(1, jitter));
    }

    [Theory]
    [InlineData(429, "Anything", true)]
    [InlineData(400, "ThrottlingException", true)]
    [InlineData(400, "Throttling", true)]
    [InlineData(400, "RequestLimitExceeded", true)]
    [InlineData(400, "TooManyRequestsException", true)]
    [InlineData(400, "LimitExceededException", true)]
    [InlineData(400, "PriorRequestNotComplete", true)]
    [InlineData(500, "ServerException", true)]
    [InlineData(502, "HttpStatus502", true)]
    [InlineData(503, "ServiceUnavailableException", true)]
    [InlineData(504, "HttpStatus504", true)]
    [InlineData(408, "RequestTimeout", true)]
    [InlineData(400, "InvalidParameterException", false)]
    [InlineData(404, "ResourceNotFoundException", false)]
    [InlineData(409, "ResourceInUseException", false)]
    [InlineData(403, "AccessDeniedException", false)]
    [InlineData(501, "NotImplemented", false)]
    public void IsRetryable_BotocoreStandardRules_Expected(int status, string code, bool expected)
    {
        Assert.Equal(expected, AwsRetryClassifier.IsRetryable(status, code));
    }

    [Fact]
    public void Validated_MaxBelowBase_ConfigurationError()
    {
        Assert.Throws<AwsConfigurationException>(() => (Policy with { MaxDelay = TimeSpan.FromMilliseconds(10) }).Validated());
    }
}
