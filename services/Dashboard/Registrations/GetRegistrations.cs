using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Dashboard.Registrations;

public sealed record DepartmentFigures(string Department, int Registered, int Refused, int ImplicitlyRejected);

public sealed record RegistrationFigures(int Registered, int Refused, int ImplicitlyRejected, IReadOnlyList<DepartmentFigures> Departments);

public static class GetRegistrationsEndpoint
{
    public static async Task<Ok<RegistrationFigures>> Handle(IQuerySession session, CancellationToken ct)
    {
        var rows = await session.Query<DepartmentRegistrations>().OrderBy(d => d.Id).ToListAsync(ct);
        var departments = rows.Select(d => new DepartmentFigures(d.Id, d.Registered, d.Refused, d.ImplicitlyRejected)).ToList();
        return TypedResults.Ok(new RegistrationFigures(departments.Sum(d => d.Registered), departments.Sum(d => d.Refused), departments.Sum(d => d.ImplicitlyRejected), departments));
    }
}
