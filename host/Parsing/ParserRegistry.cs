namespace ReceiptGuard.Host.Parsing;

/// <summary>Every platform parser in this assembly, found once by reflection: adding a parser is adding a class.</summary>
public static class ParserRegistry
{
    public static IReadOnlyList<IOrderPageParser> Platforms { get; } = typeof(IOrderPageParser).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IOrderPageParser).IsAssignableFrom(t) && t != typeof(GenericOrderParser))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IOrderPageParser)Activator.CreateInstance(t)!)
        .ToArray();

    public static IOrderPageParser Generic { get; } = new GenericOrderParser();

    /// <summary>The platform's parser for this page, else the generic fallback.</summary>
    public static IOrderPageParser For(PageInput page) => Platforms.FirstOrDefault(p => p.CanParse(page)) ?? Generic;
}
