using Ordre.Testing;

// The system tests start processes: they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Ordre.Dashboard.BrowserTests;

/// <summary>The whole system (every host of deploy/services.txt behind its gateway) and one headless chromium.</summary>
[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<OrdreSystem>, ICollectionFixture<Browser>
{
    public const string Name = "system";
}
