using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace InstantOnRemediate.Core.Tests.Planning;

/// <summary>Reflection-based options for test-only shapes (tests are not trimmed).</summary>
internal static class TestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
}
