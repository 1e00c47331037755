using Ordre.Testing;

// The system tests start processes and stop the broker: they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Ordre.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<OrdreSystem>
{
    public const string Name = "system";
}
