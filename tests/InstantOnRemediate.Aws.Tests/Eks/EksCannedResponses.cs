using InstantOnRemediate.Aws.Eks;

namespace InstantOnRemediate.Aws.Tests.Eks;

/// <summary>Response bodies shaped like EKS's (members and enums per eks/2017-11-01; validated against it in a test).</summary>
internal static class EksCannedResponses
{
    public const string NodegroupArn = "arn:aws:eks:us-east-1:123456789012:nodegroup/prod/ng-al2/4ec2e9a0-1b2c-3d4e-5f60-718293a4b5c6";

    public const string DescribeNodegroup = """
        {"nodegroup":{"nodegroupName":"ng-al2","nodegroupArn":"arn:aws:eks:us-east-1:123456789012:nodegroup/prod/ng-al2/4ec2e9a0-1b2c-3d4e-5f60-718293a4b5c6",
         "clusterName":"prod","version":"1.30","releaseVersion":"1.30.4-20241024","createdAt":1527807879.988,"modifiedAt":1730000000.5,
         "status":"ACTIVE","capacityType":"ON_DEMAND","scalingConfig":{"minSize":1,"maxSize":6,"desiredSize":3},
         "instanceTypes":["m5.large"],"subnets":["subnet-0a1b2c3d","subnet-0e1f2a3b"],"amiType":"AL2_x86_64",
         "nodeRole":"arn:aws:iam::123456789012:role/eks-node","labels":{"team":"payments"},
         "taints":[{"key":"instanton.criu/incompatible","value":"rseq","effect":"NO_SCHEDULE"}],
         "resources":{"autoScalingGroups":[{"name":"eks-ng-al2-4ec2e9a0"}],"remoteAccessSecurityGroup":"sg-0123"},
         "diskSize":20,"health":{"issues":[]},"updateConfig":{"maxUnavailable":1},"tags":{"env":"prod"}}}
        """;

    public const string DescribeCluster = """
        {"cluster":{"name":"prod","arn":"arn:aws:eks:us-east-1:123456789012:cluster/prod","createdAt":1527807879.988,"version":"1.30",
         "endpoint":"https://ABCDEF0123456789.gr7.us-east-1.eks.amazonaws.com","roleArn":"arn:aws:iam::123456789012:role/eks-cluster",
         "status":"ACTIVE","platformVersion":"eks.8","certificateAuthority":{"data":"LS0tLS1CRUdJTg=="},"tags":{"env":"prod"}}}
        """;

    public const string UpdateInProgress = """
        {"update":{"id":"b5f0ba18-9a87-4450-b5a0-825e6e84496f","status":"InProgress","type":"VersionUpdate",
         "params":[{"type":"Version","value":"1.31"},{"type":"ReleaseVersion","value":"1.31.2-20241121"}],
         "createdAt":1565807210.37,"errors":[]}}
        """;

    public const string ConfigUpdateInProgress = """
        {"update":{"id":"d6f0ba18-9a87-4450-b5a0-825e6e84496f","status":"InProgress","type":"ConfigUpdate",
         "params":[{"type":"LabelsToAdd","value":"{\"instanton.criu/compatible\":\"false\"}"},{"type":"TaintsToAdd","value":"[{\"key\":\"instanton.criu/incompatible\",\"value\":\"rseq\",\"effect\":\"NO_SCHEDULE\"}]"}],
         "createdAt":1565807210.37,"errors":[]}}
        """;

    public const string UpdateFailed = """
        {"update":{"id":"b5f0ba18-9a87-4450-b5a0-825e6e84496f","status":"Failed","type":"VersionUpdate",
         "params":[{"type":"Version","value":"1.31"}],"createdAt":1565807210.37,
         "errors":[{"errorCode":"PodEvictionFailure","errorMessage":"Reached max retries while trying to evict pods from nodes in node group ng-al2","resourceIds":["ip-10-0-1-2.ec2.internal"]}]}}
        """;

    public const string ListUpdatesPage1 = """{"updateIds":["u-1","u-2"],"nextToken":"page-2"}""";

    public const string ListUpdatesPage2 = """{"updateIds":["u-3"]}""";

    public const string NoNodegroups = """{"nodegroups":[]}""";

    public const string OneNodegroup = """{"nodegroups":["ng-a"],"nextToken":null}""";

    public const string NodegroupsPage1 = """{"nodegroups":["a","b"],"nextToken":"t+1/="}""";

    public const string NodegroupsPage2 = """{"nodegroups":[],"nextToken":"t2"}""";

    public const string NodegroupsPage3 = """{"nodegroups":["c"]}""";

    public const string NodegroupsRepeatingToken = """{"nodegroups":["a"],"nextToken":"same"}""";

    public const string MinimalNodegroup = """{"nodegroup":{}}""";

    public const string MinimalConfigUpdate = """{"update":{"id":"u-1","status":"InProgress"}}""";

    public const string ListNodegroups = """{"nodegroups":["ng-al2","ng-al2023"]}""";

    public const string CreateNodegroup = """
        {"nodegroup":{"nodegroupName":"ng-al2023","clusterName":"prod","version":"1.30","status":"CREATING","capacityType":"ON_DEMAND",
         "amiType":"AL2023_x86_64_STANDARD","createdAt":1730000000.123,"labels":{"instanton.criu/compatible":"true"},"taints":[]}}
        """;

    public const string DeleteNodegroup = """{"nodegroup":{"nodegroupName":"ng-al2","clusterName":"prod","status":"DELETING"}}""";

    /// <summary>(status, x-amzn-ErrorType header or null, body, expected kind) for each mapped EKS error.</summary>
    public static TheoryData<int, string?, string, string, EksErrorKind> Errors => new()
    {
        { 409, "ResourceInUseException:http://internal.amazon.com/coral/com.amazonaws.eks/", """{"message":"Nodegroup already has an update in progress","clusterName":"prod","nodegroupName":"ng-al2"}""", "ResourceInUseException", EksErrorKind.InUse },
        { 404, null, """{"message":"No node group found for name: ng-x.","code":"ResourceNotFoundException"}""", "ResourceNotFoundException", EksErrorKind.NotFound },
        { 404, null, """{"__type":"com.amazonaws.eks#NotFoundException","Message":"not found"}""", "NotFoundException", EksErrorKind.NotFound },
        { 400, "InvalidParameterException", """{"message":"Taint effect NoSchedule is invalid"}""", "InvalidParameterException", EksErrorKind.Invalid },
        { 400, "InvalidRequestException", """{"message":"invalid given the state of the cluster"}""", "InvalidRequestException", EksErrorKind.Invalid },
        { 400, "ClientException", """{"message":"client error"}""", "ClientException", EksErrorKind.Invalid },
        { 400, "ResourceLimitExceededException", """{"message":"limit"}""", "ResourceLimitExceededException", EksErrorKind.Invalid },
        { 403, "AccessDeniedException", """{"message":"User is not authorized to perform: eks:UpdateNodegroupConfig"}""", "AccessDeniedException", EksErrorKind.AccessDenied },
        { 429, "ThrottlingException", """{"message":"Rate exceeded"}""", "ThrottlingException", EksErrorKind.Throttled },
        { 500, "ServerException", """{"message":"internal"}""", "ServerException", EksErrorKind.Server },
        { 503, "ServiceUnavailableException", """{"message":"unavailable"}""", "ServiceUnavailableException", EksErrorKind.Server },
        { 502, null, "<html>Bad Gateway</html>", "ServiceUnavailable", EksErrorKind.Server },
    };
}
