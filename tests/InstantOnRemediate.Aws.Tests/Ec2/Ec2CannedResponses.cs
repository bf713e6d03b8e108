namespace InstantOnRemediate.Aws.Tests.Ec2;

/// <summary>
/// EC2 XML bodies shaped like EC2's own (validated against ec2/2016-11-15 in a test): two DescribeInstances pages,
/// a DescribeImages answer and EC2's error documents.
/// </summary>
internal static class Ec2CannedResponses
{
    public const string FirstNextToken = "eyJ2IjoiMiIsImMiOiJ+a2V5Ijoi/Zm9v=";

    /// <summary>
    /// Page 1: an AL2 node with a secondary network interface (whose own <c>privateDnsName</c> must not be taken for
    /// the instance's) and a terminated instance without a DNS name; ends with <see cref="FirstNextToken"/>.
    /// </summary>
    public const string InstancesPage1 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
          <requestId>8f7724cf-496f-496e-8fe3-example</requestId>
          <reservationSet>
            <item>
              <reservationId>r-1234567890abcdef0</reservationId>
              <ownerId>123456789012</ownerId>
              <groupSet/>
              <instancesSet>
                <item>
                  <instanceId>i-0a1b2c3d4e5f60001</instanceId>
                  <imageId>ami-0abcdef1234567890</imageId>
                  <instanceState><code>16</code><name>running</name></instanceState>
                  <privateDnsName>ip-192-168-10-11.ec2.internal</privateDnsName>
                  <dnsName/>
                  <reason/>
                  <amiLaunchIndex>0</amiLaunchIndex>
                  <productCodes/>
                  <instanceType>m5.xlarge</instanceType>
                  <launchTime>2025-02-12T08:15:30.000Z</launchTime>
                  <placement><availabilityZone>us-east-1a</availabilityZone><tenancy>default</tenancy></placement>
                  <monitoring><state>disabled</state></monitoring>
                  <subnetId>subnet-0123456789abcdef0</subnetId>
                  <vpcId>vpc-0123456789abcdef0</vpcId>
                  <privateIpAddress>192.168.10.11</privateIpAddress>
                  <sourceDestCheck>true</sourceDestCheck>
                  <groupSet><item><groupId>sg-0123456789abcdef0</groupId><groupName>eks-cluster-sg-prod-eks</groupName></item></groupSet>
                  <architecture>x86_64</architecture>
                  <rootDeviceType>ebs</rootDeviceType>
                  <rootDeviceName>/dev/xvda</rootDeviceName>
                  <blockDeviceMapping>
                    <item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-0123456789abcdef0</volumeId><status>attached</status><attachTime>2025-02-12T08:15:31.000Z</attachTime><deleteOnTermination>true</deleteOnTermination></ebs></item>
                  </blockDeviceMapping>
                  <virtualizationType>hvm</virtualizationType>
                  <clientToken>eks-ng-al2-general-1</clientToken>
                  <tagSet>
                    <item><key>aws:autoscaling:groupName</key><value>eks-ng-al2-general-12c9a3</value></item>
                    <item><key>eks:nodegroup-name</key><value>ng-al2-general</value></item>
                    <item><key>eks:cluster-name</key><value>prod-eks</value></item>
                    <item><key>team</key><value>orders &amp; payments &lt;prod&gt;</value></item>
                  </tagSet>
                  <hypervisor>xen</hypervisor>
                  <networkInterfaceSet>
                    <item>
                      <networkInterfaceId>eni-0123456789abcdef0</networkInterfaceId>
                      <subnetId>subnet-0123456789abcdef0</subnetId>
                      <vpcId>vpc-0123456789abcdef0</vpcId>
                      <ownerId>123456789012</ownerId>
                      <status>in-use</status>
                      <privateIpAddress>192.168.10.11</privateIpAddress>
                      <privateDnsName>ip-192-168-10-11.ec2.internal</privateDnsName>
                      <attachment><attachmentId>eni-attach-0123456789abcdef0</attachmentId><deviceIndex>0</deviceIndex><status>attached</status></attachment>
                    </item>
                    <item>
                      <networkInterfaceId>eni-0fedcba9876543210</networkInterfaceId>
                      <subnetId>subnet-0123456789abcdef0</subnetId>
                      <vpcId>vpc-0123456789abcdef0</vpcId>
                      <ownerId>123456789012</ownerId>
                      <status>in-use</status>
                      <privateIpAddress>192.168.10.99</privateIpAddress>
                      <privateDnsName>ip-192-168-10-99.ec2.internal</privateDnsName>
                      <privateIpAddressesSet><item><privateIpAddress>192.168.10.99</privateIpAddress><privateDnsName>ip-192-168-10-99.ec2.internal</privateDnsName><primary>true</primary></item></privateIpAddressesSet>
                      <attachment><attachmentId>eni-attach-0fedcba9876543210</attachmentId><deviceIndex>1</deviceIndex><status>attached</status></attachment>
                    </item>
                  </networkInterfaceSet>
                  <ebsOptimized>false</ebsOptimized>
                  <enaSupport>true</enaSupport>
                </item>
              </instancesSet>
            </item>
            <item>
              <reservationId>r-0fedcba9876543210</reservationId>
              <ownerId>123456789012</ownerId>
              <groupSet/>
              <instancesSet>
                <item>
                  <instanceId>i-0a1b2c3d4e5f60002</instanceId>
                  <imageId>ami-0abcdef1234567890</imageId>
                  <instanceState><code>48</code><name>terminated</name></instanceState>
                  <privateDnsName/>
                  <dnsName/>
                  <instanceType>m5.xlarge</instanceType>
                  <architecture>x86_64</architecture>
                  <tagSet/>
                </item>
              </instancesSet>
            </item>
          </reservationSet>
          <nextToken>eyJ2IjoiMiIsImMiOiJ+a2V5Ijoi/Zm9v=</nextToken>
        </DescribeInstancesResponse>
        """;

    /// <summary>Page 2: an AL2023 Graviton node, no further token.</summary>
    public const string InstancesPage2 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
          <requestId>a1b2c3d4-0000-4000-8000-example</requestId>
          <reservationSet>
            <item>
              <reservationId>r-0aaaabbbbccccdddd</reservationId>
              <ownerId>123456789012</ownerId>
              <instancesSet>
                <item>
                  <instanceId>i-0a1b2c3d4e5f60003</instanceId>
                  <imageId>ami-0fedcba9876543210</imageId>
                  <instanceState><code>0</code><name>pending</name></instanceState>
                  <privateDnsName>ip-192-168-20-7.ec2.internal</privateDnsName>
                  <instanceType>m7g.large</instanceType>
                  <architecture>arm64</architecture>
                  <tagSet>
                    <item><key>aws:autoscaling:groupName</key><value>eks-ng-al2023-arm-4f8e21</value></item>
                  </tagSet>
                </item>
              </instancesSet>
            </item>
          </reservationSet>
        </DescribeInstancesResponse>
        """;

    public const string NoInstances = """
        <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>e</requestId><reservationSet/></DescribeInstancesResponse>
        """;

    public const string Images = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
          <requestId>59dbff89-35bd-4eac-99ed-example</requestId>
          <imagesSet>
            <item>
              <imageId>ami-0abcdef1234567890</imageId>
              <imageLocation>amazon/amazon-eks-node-1.30-v20250212</imageLocation>
              <imageState>available</imageState>
              <imageOwnerId>602401143452</imageOwnerId>
              <creationDate>2025-02-12T19:14:50.000Z</creationDate>
              <isPublic>true</isPublic>
              <architecture>x86_64</architecture>
              <imageType>machine</imageType>
              <name>amazon-eks-node-1.30-v20250212</name>
              <description>EKS Kubernetes Worker AMI with AmazonLinux2 image, (k8s: 1.30.9, containerd: 1.7.25-1.amzn2.0.1)</description>
              <rootDeviceType>ebs</rootDeviceType>
              <rootDeviceName>/dev/xvda</rootDeviceName>
              <blockDeviceMapping>
                <item><deviceName>/dev/xvda</deviceName><ebs><snapshotId>snap-0123456789abcdef0</snapshotId><volumeSize>20</volumeSize><deleteOnTermination>true</deleteOnTermination><volumeType>gp2</volumeType><encrypted>false</encrypted></ebs></item>
              </blockDeviceMapping>
              <virtualizationType>hvm</virtualizationType>
              <tagSet/>
              <hypervisor>xen</hypervisor>
              <enaSupport>true</enaSupport>
            </item>
            <item>
              <imageId>ami-0fedcba9876543210</imageId>
              <imageState>available</imageState>
              <architecture>arm64</architecture>
              <name>amazon-eks-node-al2023-arm64-standard-1.30-v20250212</name>
              <description/>
            </item>
          </imagesSet>
        </DescribeImagesResponse>
        """;

    public const string RequestLimitExceeded = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>5b2c8a70-4f1e-4c6a-a8f2-example</RequestID></Response>
        """;

    public const string UnauthorizedOperation = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/detect/fn is not authorized to perform: ec2:DescribeInstances</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>
        """;

    public const string InvalidParameterValue = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Response><Errors><Error><Code>InvalidParameterValue</Code><Message>The filter 'privat-dns-name' is invalid</Message></Error></Errors><RequestID>0c3f1b2e-1111-4c2d-9e8f-example</RequestID></Response>
        """;

    public const string InternalError = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Response><Errors><Error><Code>InternalError</Code><Message>An internal error has occurred</Message></Error></Errors><RequestID>7d9e0f1a-2222-4b3c-8d4e-example</RequestID></Response>
        """;
}
