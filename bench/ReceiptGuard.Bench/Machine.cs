using System.Runtime.InteropServices;

namespace ReceiptGuard.Bench;

/// <summary>What the figures were measured on, written next to each of them.</summary>
public static class Machine
{
    public static string Description { get; } = Describe();

    private static string Describe()
    {
        var cpu = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }

        var memory = "";
        if (File.Exists("/proc/meminfo"))
        {
            var kb = long.Parse(File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            memory = $", {Math.Round(kb / 1024.0 / 1024.0)} GiB";
        }

        return $"{RuntimeInformation.OSDescription.Trim()}, {cpu}, {Environment.ProcessorCount} cores{memory}, .NET {Environment.Version}";
    }
}
