using System.Runtime.InteropServices;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Lambda.Hosting;

// The Lambda custom runtime (provided.al2023): read the environment, build the handler named by _HANDLER,
// serve the Runtime API until it fails. Logs are JSON lines on stdout (CloudWatch Logs).
using var stop = new CancellationTokenSource();
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    stop.Cancel();
});
using var stdout = Console.OpenStandardOutput();
#pragma warning disable RS0030 // the composition root: the one place the host reads the environment and the system clock
return await LambdaBootstrap.RunAsync(Environment.GetEnvironmentVariables(), TimeProvider.System, new LogSink(stdout), stop.Token)
    .ConfigureAwait(false);
#pragma warning restore RS0030
