using Hl7.Fhir.Model;
using Ordre.Tableau.Annuaire.Searching;

namespace Ordre.Tableau.Annuaire.Fhir;

/// <summary>
/// The directory as FHIR R4 resources, shaped like the national health directory's API and FR Core:
/// the RPPS identifier (system https://rpps.esante.gouv.fr, type RPPS) and the national id IDNPS ("8" + RPPS).
/// </summary>
public static class FhirResources
{
    public const string RppsSystem = "https://rpps.esante.gouv.fr";
    public const string IdnpsSystem = "urn:oid:1.2.250.1.71.4.2.1";
    public const string IdentifierTypeSystem = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203";
    public const string RolePrefix = "role-";

    /// <summary>The practitioner as the directory shows it (<see cref="DirectoryEntry.Show"/>): nothing more.</summary>
    public static Practitioner Practitioner(DirectoryEntry entry)
    {
        var p = entry.Show();
        var practitioner = new Practitioner
        {
            Id = p.Rpps,
            Meta = Meta(entry),
            Active = true,
            Identifier =
            [
                Identifier(RppsSystem, "RPPS", "N° RPPS", p.Rpps),
                Identifier(IdnpsSystem, "IDNPS", "Identifiant national de professionnel de santé", "8" + p.Rpps),
            ],
            Name = [new HumanName { Use = HumanName.NameUse.Usual, Family = p.LastName, Given = [p.FirstName] }],
            Qualification = [.. p.Qualifications.Prepend(p.Specialty).Select(q => new Practitioner.QualificationComponent { Code = new CodeableConcept { Text = q } })],
        };
        if (p.Address is { } address)
        {
            practitioner.Address = [new Address { Use = Address.AddressUse.Work, Line = [address.Line], PostalCode = address.PostalCode, City = address.City, Country = "FR" }];
            if (address.Phone is { } phone)
                practitioner.Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, phone)];
        }
        return practitioner;
    }

    public static PractitionerRole Role(DirectoryEntry entry)
    {
        var role = Role(entry.Show());
        role.Meta = Meta(entry);
        return role;
    }

    private static Meta? Meta(DirectoryEntry entry) =>
        entry.LastUpdated == default ? null : new Meta { LastUpdated = entry.LastUpdated };

    private static PractitionerRole Role(PublicDoctor shown) => new()
    {
        Id = RolePrefix + shown.Rpps,
        Active = true,
        Practitioner = new ResourceReference($"Practitioner/{shown.Rpps}", $"{shown.FirstName} {shown.LastName}"),
        Specialty = [new CodeableConcept { Text = shown.Specialty }],
        Identifier = [Identifier(RppsSystem, "RPPS", "N° RPPS", shown.Rpps)],
    };


    public static OperationOutcome Outcome(OperationOutcome.IssueType type, string message) => new()
    {
        Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = type, Diagnostics = message }],
    };

    public static CapabilityStatement Capabilities(string baseUrl) => new()
    {
        Status = PublicationStatus.Active,
        Date = "2026-11-22",
        Kind = CapabilityStatementKind.Instance,
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["application/fhir+json"],
        Software = new CapabilityStatement.SoftwareComponent { Name = "Ordre — annuaire du Tableau" },
        Implementation = new CapabilityStatement.ImplementationComponent { Description = "Annuaire public des médecins inscrits au Tableau", Url = baseUrl },
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Documentation = "Paramètres inconnus ignorés (R4, handling=lenient) sauf avec l'en-tête Prefer: handling=strict (400 OperationOutcome) ; modificateur inconnu toujours refusé (400).",
                Resource = [Searchable(ResourceType.Practitioner), Searchable(ResourceType.PractitionerRole), Subscriptions()],
            },
        ],
    };

    private static CapabilityStatement.ResourceComponent Searchable(ResourceType type)
    {
        var isRole = type == ResourceType.PractitionerRole;
        var resource = new CapabilityStatement.ResourceComponent
        {
            Type = type.ToString(),
            Interaction =
            [
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
            ],
            SearchParam =
            [
                SearchParam("_id", SearchParamType.Token, isRole ? "Identifiant logique (role-RPPS), plusieurs séparés par des virgules" : "Identifiant logique (RPPS), plusieurs séparés par des virgules"),
                SearchParam("_lastUpdated", SearchParamType.Date, "Date de dernière modification, préfixes eq, gt, ge, lt, le"),
                SearchParam("identifier", SearchParamType.Token, "RPPS ou IDNPS : system|valeur, valeur seule, ou system|"),
                SearchParam("family", SearchParamType.String, "Nom de famille qui COMMENCE par la valeur (accents et casse ignorés) ; :contains (contient, 3 caractères au moins), :exact (nom entier, accents et casse comptent)"),
                SearchParam("given", SearchParamType.String, "Prénom qui commence par la valeur ; :contains, :exact"),
                SearchParam("name", SearchParamType.String, "Nom ou prénom qui commence par la valeur ; :contains, :exact"),
                SearchParam(FhirEndpoints.AsOfParameter, SearchParamType.Date, "L'annuaire tel qu'il était à la fin de ce jour (AAAA-MM-JJ, heure de Paris), recalculé depuis les décisions et leurs dates d'effet ; avec identifier, _id, practitioner, family, given ou name (pas :contains ni _lastUpdated)"),
                SearchParam("_count", SearchParamType.Number, "Résultats par page, de 1 à 50"),
                SearchParam("_page", SearchParamType.Number, "Page demandée, de 1 à 10 000 (liens next/previous du Bundle)"),
            ],
        };
        if (isRole)
        {
            resource.SearchParam.Add(SearchParam("practitioner", SearchParamType.Reference, "Practitioner/{id} ou {id} (RPPS)"));
            resource.SearchInclude = ["PractitionerRole:practitioner"];
        }
        else
            resource.SearchRevInclude = ["PractitionerRole:practitioner"];
        return resource;
    }

    /// <summary>Subscriptions to the register's changes (rest-hook), for clients with the register-feed scope.</summary>
    private static CapabilityStatement.ResourceComponent Subscriptions() => new()
    {
        Type = ResourceType.Subscription.ToString(),
        Documentation = "Abonnés du flux du Tableau (portée register-feed). criteria : Practitioner ou Practitioner?identifier={RPPS} ; channel.type rest-hook ; "
            + "avec channel.payload application/fhir+json, PUT {endpoint}/Practitioner/{RPPS} du Practitioner tel que l'annuaire le montre (POST vide si le médecin n'y est plus visible) ; "
            + "sans payload, POST vide. En-têtes X-Ordre-Feed-Position et X-Ordre-Change. Au moins une fois, dans l'ordre ; status error après 8 échecs de suite.",
        Interaction =
        [
            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Create },
            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Delete },
        ],
    };

    private static CapabilityStatement.SearchParamComponent SearchParam(string name, SearchParamType type, string doc) =>
        new() { Name = name, Type = type, Documentation = doc };

    private static Identifier Identifier(string system, string code, string display, string value) => new()
    {
        System = system,
        Value = value,
        Type = new CodeableConcept(IdentifierTypeSystem, code, display),
    };
}
