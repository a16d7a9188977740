namespace ReceiptGuard.Bench;

public static class Stats
{
    /// <summary>Nearest-rank percentile (p in 0..100) of a sample.</summary>
    public static double Percentile(IReadOnlyCollection<double> sample, double p)
    {
        if (sample.Count == 0)
        {
            throw new ArgumentException("empty sample", nameof(sample));
        }

        var sorted = sample.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyCollection<double> sample) => Percentile(sample, 50);
}
