using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Dashboard.Figures;

namespace Ordre.Dashboard.Registrations;

public sealed record DepartmentFigures(string Department, int Registered, int Refused, int ImplicitlyRejected);

public sealed record RegistrationFigures(int Registered, int Refused, int ImplicitlyRejected, IReadOnlyList<DepartmentFigures> Departments);

/// <summary>
/// The first dashboard endpoint (the demo client and tests read it): inscriptions granted, refused and implicitly
/// rejected per department, all years together, now read from the figures' projection.
/// </summary>
public static class GetRegistrationsEndpoint
{
    public static async Task<Ok<RegistrationFigures>> Handle(IQuerySession session, CancellationToken ct)
    {
        var years = await session.Query<YearTally>().ToListAsync(ct);
        int Sum(string department, string key) => (int)years.Sum(y => y.Departments.GetValueOrDefault(department)?.GetValueOrDefault(key) ?? 0);
        var departments = years.SelectMany(y => y.Departments.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(d => new DepartmentFigures(d, Sum(d, FigureRules.Inscriptions), Sum(d, FigureRules.InscriptionsRefusees), Sum(d, FigureRules.RejetsImplicites)))
            .Where(d => d.Registered + d.Refused + d.ImplicitlyRejected > 0)
            .ToList();
        return TypedResults.Ok(new RegistrationFigures(departments.Sum(d => d.Registered), departments.Sum(d => d.Refused),
            departments.Sum(d => d.ImplicitlyRejected), departments));
    }
}
