namespace Ordre.Contracts.Tableau;

/// <summary>
/// A step of a declaration of free provision of services (LPS), counted by the national dashboard (issue 14):
/// <paramref name="Step"/> is <c>Received</c> (a request), <c>Registered</c> (a first declaration accepted) or
/// <c>Renewed</c>. No name, country or qualification: only the count travels. Versioning: add fields only.
/// </summary>
public sealed record LpsDeclarationRecorded(Guid DeclarationId, string Step, DateOnly On, DateTimeOffset OccurredAt);
