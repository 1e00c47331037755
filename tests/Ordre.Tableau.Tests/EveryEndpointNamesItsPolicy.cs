using Ordre.Testing;
using Xunit.Abstractions;

namespace Ordre.Tableau.Tests;

/// <summary>Deny by default: every endpoint names its policy; one that forgets would be closed by the fallback policy, and fails here.</summary>
public sealed class EveryEndpointNamesItsPolicy(TableauInProcess tableau, ITestOutputHelper output) : IClassFixture<TableauInProcess>
{
    [Fact]
    public void Every_Tableau_endpoint_names_an_authorization_policy_or_is_explicitly_anonymous() =>
        EndpointPolicies.AssertEveryEndpointNamesItsPolicy(tableau.Services, output.WriteLine);
}
