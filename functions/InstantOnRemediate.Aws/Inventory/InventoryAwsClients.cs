using Amazon.EC2;
using Amazon.SimpleSystemsManagement;

namespace InstantOnRemediate.Aws.Inventory;

/// <summary>
/// Builds the SDK clients the inventory needs (EC2, SSM) from the standard settings: default credential chain,
/// AWS_REGION, and endpoint overrides AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL_SSM / AWS_ENDPOINT_URL. Kept small so the
/// shared client factory can replace it: <see cref="InventoryGatherer"/> only takes the interfaces.
/// </summary>
public static class InventoryAwsClients
{
    public static IAmazonEC2 CreateEc2()
    {
        var config = new AmazonEC2Config();
        if (Endpoint("EC2") is { } url)
        {
            config.ServiceURL = url;
        }

        return new AmazonEC2Client(config);
    }

    public static IAmazonSimpleSystemsManagement CreateSsm()
    {
        var config = new AmazonSimpleSystemsManagementConfig();
        if (Endpoint("SSM") is { } url)
        {
            config.ServiceURL = url;
        }

        return new AmazonSimpleSystemsManagementClient(config);
    }

    private static string? Endpoint(string service)
    {
        var specific = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_" + service);
        var general = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
        return !string.IsNullOrWhiteSpace(specific) ? specific : !string.IsNullOrWhiteSpace(general) ? general : null;
    }
}
