using System.Text.Json;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Json;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Tests;

public sealed class ContractVocabularyTests
{
    [Fact]
    public void Vocabularies_MatchDesignContract_ExactValues()
    {
        Assert.Equal(["restore-failure", "checkpoint-failure", "restore-success", "none"], Verdicts.All);
        Assert.Equal(["node-kernel", "node-config", "pod-spec", "image", "hardware", "transient", "unknown", "none"], RemedyClasses.All);
        Assert.Equal(["planned", "awaiting-approval", "executed", "skipped", "failed"], ActionStatuses.All);
        Assert.Equal(["notify", "eks-label-nodegroup", "eks-taint-nodegroup", "eks-update-nodegroup-version", "eks-create-nodegroup", "ssm-run-command", "ssm-automation", "eks-migrate-nodegroup", "none"], ActionTypes.Contract);
        // What the service plans is within the contract's vocabulary.
        Assert.Subset(ActionTypes.Contract.ToHashSet(), ActionTypes.All.ToHashSet());
    }

    [Fact]
    public void InventorySerialization_UsesContractFieldNames()
    {
        var inventory = new ClusterInventory
        {
            Cluster = "prod",
            Nodegroups = [new NodegroupInventory { Name = "ng-al2", Compatible = false, Missing = ["ptrace-get-rseq-conf"],
                Instances = [new InstanceRef { InstanceId = "i-0123456789abcdef0", Node = "ip-10-0-1-1.ec2.internal", AmiId = "ami-1" }] }],
        };

        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(inventory, CoreJsonContext.Default.ClusterInventory));
        var ng = doc.RootElement.GetProperty("nodegroups")[0];
        foreach (var name in new[] { "name", "amiType", "releaseVersion", "amiFamily", "kernel", "kernelSource", "compatible", "missing", "instances" })
        {
            Assert.True(ng.TryGetProperty(name, out _), name);
        }

        Assert.Equal("i-0123456789abcdef0", ng.GetProperty("instances")[0].GetProperty("instanceId").GetString());
        Assert.False(ng.GetProperty("compatible").GetBoolean());
    }
}
