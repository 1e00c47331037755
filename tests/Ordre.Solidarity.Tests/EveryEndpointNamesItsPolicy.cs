using Ordre.Testing;
using Xunit.Abstractions;

namespace Ordre.Solidarity.Tests;

/// <summary>Deny by default: every endpoint names its policy; one that forgets would be closed by the fallback policy, and fails here.</summary>
public sealed class EveryEndpointNamesItsPolicy(SolidarityInProcess solidarity, ITestOutputHelper output) : IClassFixture<SolidarityInProcess>
{
    [Fact]
    public void Every_Solidarity_endpoint_names_an_authorization_policy_or_is_explicitly_anonymous() =>
        EndpointPolicies.AssertEveryEndpointNamesItsPolicy(solidarity.Services, output.WriteLine);
}
