namespace InstantOnRemediate.Testing;

/// <summary>Nothing in a test may reach AWS or the instance-metadata address: static credentials, region, IMDS off.</summary>
public static class TestEnvironment
{
    public static void ApplyStaticCredentials()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", MotoServer.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", MotoServer.SecretKey);
        Environment.SetEnvironmentVariable("AWS_REGION", MotoServer.Region);
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", MotoServer.Region);
    }

    /// <summary>Environment for a child process (CLI, bootstrap) pointed at an endpoint.</summary>
    public static Dictionary<string, string> ChildEnvironment(Uri? endpoint = null)
    {
        var env = new Dictionary<string, string>
        {
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_ACCESS_KEY_ID"] = MotoServer.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = MotoServer.SecretKey,
            ["AWS_REGION"] = MotoServer.Region,
        };
        if (endpoint is not null)
        {
            env["AWS_ENDPOINT_URL"] = endpoint.ToString().TrimEnd('/');
        }

        return env;
    }
}
