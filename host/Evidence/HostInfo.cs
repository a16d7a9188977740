using System.Reflection;

namespace ReceiptGuard.Host.Evidence;

/// <summary>This host's name and version, as manifests and bundles record them.</summary>
public static class HostInfo
{
    public const string Name = "ReceiptGuard";

    public static string Version { get; } =
        typeof(HostInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
