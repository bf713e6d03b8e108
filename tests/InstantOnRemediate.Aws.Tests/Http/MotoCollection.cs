using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Http;

/// <summary>One moto_server for every test class that talks to it; classes use distinct resource names.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
