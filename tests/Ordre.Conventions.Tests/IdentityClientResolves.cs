using Microsoft.Extensions.DependencyInjection;
using Ordre.Conventions.Companies;

namespace Ordre.Conventions.Tests;

/// <summary>The identity provider's client (Refit, generated, with the service token handler) is built by the service's container.</summary>
public class IdentityClientResolves(ConventionsInProcess conventions) : IClassFixture<ConventionsInProcess>
{
    [Fact]
    public async Task The_identity_providers_company_client_is_built_and_a_provider_that_does_not_answer_is_a_provider_failure()
    {
        using var scope = conventions.Services.CreateScope();
        var identity = scope.ServiceProvider.GetRequiredService<IIdentityCompanyClients>();
        // The fixture's provider address is a closed port: the service token cannot be had, which is answered 503, never 500.
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => identity.DeleteAsync("company-" + Guid.NewGuid().ToString("N"), CancellationToken.None));
        Assert.True(CompanyCredentials.IsProviderFailure(failure), failure.ToString());
    }
}
