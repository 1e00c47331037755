using Ordre.Testing;
using Xunit.Abstractions;

namespace Ordre.Discipline.Tests;

/// <summary>Deny by default: every endpoint names its policy; one that forgets would be closed by the fallback policy, and fails here.</summary>
public sealed class EveryEndpointNamesItsPolicy(DisciplineInProcess discipline, ITestOutputHelper output) : IClassFixture<DisciplineInProcess>
{
    [Fact]
    public void Every_Discipline_endpoint_names_an_authorization_policy_or_is_explicitly_anonymous() =>
        EndpointPolicies.AssertEveryEndpointNamesItsPolicy(discipline.Services, output.WriteLine);
}
