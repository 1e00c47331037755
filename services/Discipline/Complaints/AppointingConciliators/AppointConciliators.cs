using System.Security.Claims;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Discipline.Complaints.AppointingConciliators;

/// <summary>Body of POST /complaints/{id}/conciliators.</summary>
public sealed record AppointConciliators([property: MaxItems(TextLimits.Items, TextLimits.Name)] IReadOnlyList<string>? Conciliators);

public sealed record ConciliatorsAppointed(Guid ComplaintId, IReadOnlyList<string> Conciliators, DateOnly On, string By) : IChanges<Complaint>;

public static class AppointConciliatorsEndpoint
{
    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, AppointConciliators command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return ComplaintChange.Apply(id, user, session, c => Decide(c, command, today, user.Actor()), ct);
    }

    /// <summary>
    /// L.4123-2: a commission of at least 3 members of the council (<see cref="DisciplineRules.MinimumConciliators"/>); R.4123-19: none of
    /// them implicated in the complaint (neither party).
    /// </summary>
    public static Outcome Decide(Complaint complaint, AppointConciliators command, DateOnly today, string by)
    {
        var names = (command.Conciliators ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var minimum = DisciplineRules.Book.Value(DisciplineRules.MinimumConciliators, today);
        if (names.Count < minimum)
            return Outcome.Field("conciliators",
                $"La commission de conciliation compte au moins {minimum} membres distincts (L.4123-2) : {names.Count} désigné(s).");
        if (names.Any(n => IsParty(n, complaint)))
            return Outcome.Field("conciliators", "Un conciliateur ne peut être mis en cause dans la plainte.");
        return complaint.IsOpen
            ? new Outcome.Accepted(new ConciliatorsAppointed(complaint.Id, names, today, by))
            : new Outcome.NotAllowed("Cette plainte n'est plus en conciliation.");
    }

    /// <summary>The complainant or the doctor complained about, whatever the title written before the name.</summary>
    private static bool IsParty(string conciliator, Complaint complaint)
    {
        static string Bare(string name) => Regex.Replace(name.Trim(), @"^(Dr\.?|Docteur|Pr\.?|Professeur|M\.|Mme|Madame|Monsieur)\s+", "",
            RegexOptions.IgnoreCase);
        return string.Equals(Bare(conciliator), Bare(complaint.Complainant.Name), StringComparison.OrdinalIgnoreCase)
            || (complaint.DoctorName is { Length: > 0 } doctor && string.Equals(Bare(conciliator), Bare(doctor), StringComparison.OrdinalIgnoreCase));
    }
}
