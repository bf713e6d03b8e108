using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Inventory;

/// <summary>One moto_server shared by the inventory test classes (each test resets it first).</summary>
[CollectionDefinition(Name)]
public sealed class InventoryMotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "inventory-moto";
}
