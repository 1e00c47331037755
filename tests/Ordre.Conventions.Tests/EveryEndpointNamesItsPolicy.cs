using Ordre.Testing;
using Xunit.Abstractions;

namespace Ordre.Conventions.Tests;

/// <summary>Deny by default: every endpoint names its policy; one that forgets would be closed by the fallback policy, and fails here.</summary>
public sealed class EveryEndpointNamesItsPolicy(ConventionsInProcess conventions, ITestOutputHelper output) : IClassFixture<ConventionsInProcess>
{
    [Fact]
    public void Every_Conventions_endpoint_names_an_authorization_policy_or_is_explicitly_anonymous() =>
        EndpointPolicies.AssertEveryEndpointNamesItsPolicy(conventions.Services, output.WriteLine);
}
