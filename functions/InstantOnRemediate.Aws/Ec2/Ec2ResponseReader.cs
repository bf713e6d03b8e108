using System.Xml;
using InstantOnRemediate.Aws.Http;

namespace InstantOnRemediate.Aws.Ec2;

/// <summary>
/// DescribeInstances and DescribeImages answers (EC2 XML without a result wrapper:
/// <c>reservationSet/item/instancesSet/item</c>, <c>imagesSet/item</c>, <c>nextToken</c>) read in one forward pass
/// into the members the inventory uses. Nested elements of the same name (the network interfaces' own
/// <c>privateDnsName</c>, for one) are skipped with their parents. A document that is not such an answer fails as
/// <see cref="AwsServiceException"/>.
/// </summary>
internal static class Ec2ResponseReader
{
    public static DescribeInstancesResponse ReadInstances(byte[] body) => Read("DescribeInstances", body, reader =>
    {
        var instances = new List<Ec2Instance>();
        var nextToken = ReadPage(reader, "reservationSet", reservation => ReadReservation(reservation, instances));
        return new DescribeInstancesResponse { Instances = instances, NextToken = nextToken };
    });

    public static DescribeImagesResponse ReadImages(byte[] body) => Read("DescribeImages", body, reader =>
    {
        var images = new List<Ec2Image>();
        var nextToken = ReadPage(reader, "imagesSet", image => images.Add(ReadImage(image)));
        return new DescribeImagesResponse { Images = images, NextToken = nextToken };
    });

    /// <summary>One page of a Describe answer: each item of <paramref name="listName"/> to <paramref name="readItem"/>; returns the next token.</summary>
    private static string? ReadPage(XmlReader reader, string listName, Action<XmlReader> readItem)
    {
        string? nextToken = null;
        foreach (var name in Ec2Xml.Children(reader))
        {
            if (name == listName)
            {
                foreach (var item in Ec2Xml.Items(reader))
                {
                    readItem(item);
                }
            }
            else if (name == "nextToken")
            {
                nextToken = Ec2Xml.Text(reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return Ec2Xml.NullIfEmpty(nextToken);
    }

    private static T Read<T>(string action, byte[] body, Func<XmlReader, T> readRoot)
    {
        try
        {
            using var reader = Ec2Xml.Open(body);
            if (reader.LocalName != action + "Response")
            {
                throw new XmlException($"root element is <{reader.LocalName}>, not <{action}Response>");
            }

            return readRoot(reader);
        }
        catch (XmlException e)
        {
            throw new AwsServiceException($"EC2 {action} answered with a document that is not a {action}Response: {e.Message}", e);
        }
    }

    private static void ReadReservation(XmlReader reader, List<Ec2Instance> instances)
    {
        foreach (var name in Ec2Xml.Children(reader))
        {
            if (name != "instancesSet")
            {
                reader.Skip();
                continue;
            }

            foreach (var item in Ec2Xml.Items(reader))
            {
                instances.Add(ReadInstance(item));
            }
        }
    }

    private static Ec2Instance ReadInstance(XmlReader reader)
    {
        string? id = null, privateDnsName = null, imageId = null, instanceType = null, architecture = null, state = null;
        var tags = new List<Ec2Tag>();
        foreach (var name in Ec2Xml.Children(reader))
        {
            switch (name)
            {
                case "instanceId":
                    id = Ec2Xml.Text(reader);
                    break;
                case "privateDnsName":
                    privateDnsName = Ec2Xml.Text(reader);
                    break;
                case "imageId":
                    imageId = Ec2Xml.Text(reader);
                    break;
                case "instanceType":
                    instanceType = Ec2Xml.Text(reader);
                    break;
                case "architecture":
                    architecture = Ec2Xml.Text(reader);
                    break;
                case "instanceState":
                    foreach (var part in Ec2Xml.Children(reader))
                    {
                        if (part == "name")
                        {
                            state = Ec2Xml.Text(reader);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    break;
                case "tagSet":
                    ReadTags(reader, tags);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new Ec2Instance
        {
            InstanceId = Ec2Xml.NullIfEmpty(id) ?? throw new XmlException("an instance without instanceId"),
            PrivateDnsName = Ec2Xml.NullIfEmpty(privateDnsName),
            ImageId = Ec2Xml.NullIfEmpty(imageId),
            InstanceType = Ec2Xml.NullIfEmpty(instanceType),
            Architecture = Ec2Xml.NullIfEmpty(architecture),
            State = Ec2Xml.NullIfEmpty(state),
            Tags = tags,
        };
    }

    private static void ReadTags(XmlReader reader, List<Ec2Tag> tags)
    {
        foreach (var item in Ec2Xml.Items(reader))
        {
            string? key = null, value = null;
            foreach (var part in Ec2Xml.Children(reader))
            {
                switch (part)
                {
                    case "key":
                        key = Ec2Xml.Text(reader);
                        break;
                    case "value":
                        value = Ec2Xml.Text(reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (!string.IsNullOrEmpty(key))
            {
                tags.Add(new Ec2Tag(key, value));
            }
        }
    }

    private static Ec2Image ReadImage(XmlReader reader)
    {
        string? id = null, name = null, description = null;
        foreach (var member in Ec2Xml.Children(reader))
        {
            switch (member)
            {
                case "imageId":
                    id = Ec2Xml.Text(reader);
                    break;
                case "name":
                    name = Ec2Xml.Text(reader);
                    break;
                case "description":
                    description = Ec2Xml.Text(reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new Ec2Image
        {
            ImageId = Ec2Xml.NullIfEmpty(id) ?? throw new XmlException("an image without imageId"),
            Name = Ec2Xml.NullIfEmpty(name),
            Description = Ec2Xml.NullIfEmpty(description),
        };
    }
}
