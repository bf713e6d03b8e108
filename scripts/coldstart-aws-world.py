#!/usr/bin/env python3
"""A moto_server world for the cold start of detect with AWS clients (scripts/bench.sh, docs/performance.md).

Seeds the emulator at AWS_ENDPOINT_URL with what a real account holds for the EKS case: cluster prod-eks, an AL2
managed node group with one instance tagged as EKS tags it, the alert topic and the state table. Writes COUNT detect
events built from events/detect/eks-rseq-al2.decoded.json, each a new restore failure (new event ids, a new pod and
container, later timestamps) on that instance's node, so that every cold start does the whole first-failure path:
EC2/EKS/AMI reads, the pause switch, state writes. Prints the function environment as JSON.

    AWS_ENDPOINT_URL=http://127.0.0.1:5000 python3 scripts/coldstart-aws-world.py OUT_DIR COUNT
"""
import base64
import copy
import gzip
import json
import os
import sys

import boto3

SAMPLE = "events/detect/eks-rseq-al2.decoded.json"
SAMPLE_NODE = "ip-192-168-12-34.us-west-2.compute.internal"
SAMPLE_POD = "orders-7d9f8b6c5-x2k4q"
SAMPLE_CONTAINER = "3f1c9a7be2d4405a8c61d1f0b7e9a2c4d5e6f708192a3b4c5d6e7f8091a2b3c4"
CLUSTER = "prod-eks"
TABLE = "instanton-state"


def seed():
    ec2, eks, sns, ddb = (boto3.client(s) for s in ("ec2", "eks", "sns", "dynamodb"))
    vpc = ec2.create_vpc(CidrBlock="192.168.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="192.168.0.0/19")["Subnet"]["SubnetId"]
    eks.create_cluster(name=CLUSTER, version="1.30", roleArn="arn:aws:iam::123456789012:role/eks",
                       resourcesVpcConfig={"subnetIds": [subnet]})
    eks.create_nodegroup(clusterName=CLUSTER, nodegroupName="ng-al2-general", subnets=[subnet],
                         nodeRole="arn:aws:iam::123456789012:role/node", amiType="AL2_x86_64",
                         releaseVersion="1.30.9-20250212", scalingConfig={"minSize": 1, "maxSize": 3, "desiredSize": 1})
    asg = eks.describe_nodegroup(clusterName=CLUSTER, nodegroupName="ng-al2-general")["nodegroup"]["resources"]["autoScalingGroups"][0]["name"]
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    instance = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, SubnetId=subnet, TagSpecifications=[{
        "ResourceType": "instance", "Tags": [
            {"Key": "eks:nodegroup-name", "Value": "ng-al2-general"},
            {"Key": "eks:cluster-name", "Value": CLUSTER},
            {"Key": "aws:autoscaling:groupName", "Value": asg}]}])["Instances"][0]
    topic = sns.create_topic(Name="instanton-alerts")["TopicArn"]
    ddb.create_table(TableName=TABLE, BillingMode="PAY_PER_REQUEST",
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"}],
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}])
    return instance["PrivateDnsName"], topic


def events(node, count):
    """COUNT distinct failures of the sample on NODE: pod, container id, event ids and times differ per event."""
    with open(SAMPLE, encoding="utf-8") as f:
        sample = json.load(f)
    for n in range(count):
        doc = copy.deepcopy(sample)
        pod = f"orders-7d9f8b6c5-c{n:04d}"
        container = f"{n:04x}" + SAMPLE_CONTAINER[4:]

        def rename(text):
            return text.replace(SAMPLE_NODE, node).replace(SAMPLE_POD, pod).replace(SAMPLE_CONTAINER, container)

        doc["logStream"] = rename(doc["logStream"])
        for event in doc["logEvents"]:
            event["id"] = f"{n:04d}" + event["id"][4:]
            event["timestamp"] += n * 60_000
            event["message"] = rename(event["message"])
        data = base64.b64encode(gzip.compress(json.dumps(doc).encode(), mtime=0)).decode()
        yield {"awslogs": {"data": data}}


def main():
    if len(sys.argv) != 3 or "AWS_ENDPOINT_URL" not in os.environ:
        sys.exit(__doc__)
    out_dir, count = sys.argv[1], int(sys.argv[2])
    node, topic = seed()
    os.makedirs(out_dir, exist_ok=True)
    for n, event in enumerate(events(node, count)):
        with open(os.path.join(out_dir, f"event-{n:04d}.json"), "w", encoding="utf-8") as f:
            json.dump(event, f)
    print(json.dumps({"CLUSTERS": CLUSTER, "STATE_TABLE": TABLE, "TOPIC_ARN": topic, "MODE": "observe"}))


if __name__ == "__main__":
    main()
