using System.Text.RegularExpressions;
using Ordre.Contracts.Tableau;
using Ordre.Testing;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// deploy/k8s/rabbitmq/permissions.txt read as RabbitMQ reads it (an unanchored regular expression match on the
/// resource name), without a broker: a guard for whoever edits the table. OneBrokerUserPerService checks the broker.
/// </summary>
public class BusPermissionTable
{
    // The integration events: the records of a service's namespace (Ordre.Contracts.Tableau, …). Shared vocabulary
    // (Ordre.Contracts.Identifiers, .Calendar) is never published.
    private static readonly IReadOnlyList<Type> Contracts = typeof(PractitionerRegistered).Assembly.GetExportedTypes()
        .Where(t => t.Namespace?.StartsWith("Ordre.Contracts.", StringComparison.Ordinal) == true && t is { IsClass: true, IsAbstract: false }
            && BusPermissions.Table.Any(p => p.Service == t.Namespace["Ordre.Contracts.".Length..].ToLowerInvariant()))
        .ToList();

    [Fact]
    public void Only_the_owner_of_a_contracts_namespace_may_write_to_its_exchanges()
    {
        Assert.Contains(Contracts, t => t.Name == "SanctionEnforceable");
        foreach (var contract in Contracts)
        {
            var exchange = $"{contract.Namespace}:{contract.Name}";
            var owner = contract.Namespace!["Ordre.Contracts.".Length..].ToLowerInvariant();
            var writers = BusPermissions.Table.Where(p => Matches(p.Write, exchange)).Select(p => p.Service);
            Assert.Equal([owner], writers);
        }
    }

    [Fact]
    public void No_service_may_write_to_another_services_queues_nor_to_shared_exchanges()
    {
        foreach (var writer in BusPermissions.Table)
        {
            foreach (var other in BusPermissions.Table.Where(p => p != writer))
                Assert.False(Matches(writer.Write, $"{other.Service}-record-enforceable-sanction"), $"{writer.Service} writes to {other.Service}'s queues");
            foreach (var shared in new[] { "amq.default", "amq.fanout", "amq.topic", "MassTransit:Fault", "Ordre.Contracts" })
                Assert.False(Matches(writer.Write, shared), $"{writer.Service} writes to {shared}");
            Assert.True(Matches(writer.Write, $"{writer.Service}-an-endpoint_error"), $"{writer.Service} cannot move a message to its error queue");
        }
    }

    [Fact]
    public void The_tableau_may_bind_to_disciplines_sanctions_but_no_service_reads_another_services_queues()
    {
        var tableau = BusPermissions.For("tableau");
        Assert.True(Matches(tableau.Configure, "Ordre.Contracts.Discipline:SanctionEnforceable"));
        Assert.True(Matches(tableau.Read, "Ordre.Contracts.Discipline:SanctionEnforceable"));
        foreach (var reader in BusPermissions.Table)
        foreach (var other in BusPermissions.Table.Where(p => p != reader))
            Assert.False(Matches(reader.Read, $"{other.Service}-count-registrations"), $"{reader.Service} reads {other.Service}'s queues");
    }

    private static bool Matches(string pattern, string name) => Regex.IsMatch(name, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
}
