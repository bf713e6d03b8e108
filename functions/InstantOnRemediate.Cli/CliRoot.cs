using System.Collections;

namespace InstantOnRemediate.Cli;

/// <summary>
/// The command-line tool's composition root: the one place it reads the process environment and the system
/// clock. Commands take both from here, so every setting has one way in (the Lambda host has the same rule:
/// only its Program reads them).
/// </summary>
internal static class CliRoot
{
#pragma warning disable RS0030 // the composition root is where the environment and the clock come from
    /// <summary>The process environment as it is now.</summary>
    public static IDictionary Environment => System.Environment.GetEnvironmentVariables();

    public static TimeProvider Clock => TimeProvider.System;
#pragma warning restore RS0030

#pragma warning disable RS0030
    public static string? Variable(string name) => System.Environment.GetEnvironmentVariable(name);
#pragma warning restore RS0030
}
