using InstantOnRemediate.Application.Invocation;
using Microsoft.Extensions.Time.Testing;

namespace InstantOnRemediate.Lambda.Tests.Handlers;

internal static class HandlerTestContext
{
    public static readonly DateTimeOffset Now = new(2025, 5, 8, 10, 15, 30, TimeSpan.Zero);

    public static InvocationContext Create() =>
        new("c0ffee00-0000-4000-8000-000000000001", Now.AddMinutes(1), "arn:aws:lambda:us-east-1:123456789012:function:instanton", null, new FakeTimeProvider(Now));
}
