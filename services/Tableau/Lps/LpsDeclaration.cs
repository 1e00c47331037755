using Ordre.Tableau.Lps.Declaring;
using Ordre.Tableau.Lps.Expiring;
using Ordre.Tableau.Lps.Registering;
using Ordre.Tableau.Lps.Renewing;

namespace Ordre.Tableau.Lps;

public enum LpsStatus { Received, Registered, Expired }

/// <summary>
/// A doctor established in another EU/EEA state (or Switzerland) who provides temporary, occasional services
/// in France declares it to the national council, which answers within a month; the declaration is renewed
/// each year (L.4112-7, R.4112-9; the yearly renewal is (K) in DOMAIN.md). Such doctors are not on the
/// Tableau and not in the directory.
/// </summary>
public sealed record LpsDeclaration(
    Guid Id, string LastName, string FirstName, string Country, string Qualification, DateOnly ReceivedOn, DateOnly AnswerDueOn,
    LpsStatus Status, DateOnly? ValidUntil)
{
    public DateOnly? NextDeadline => Status == LpsStatus.Registered ? ValidUntil?.AddDays(1) : null;

    public static LpsDeclaration Create(LpsDeclarationReceived e) =>
        new(e.DeclarationId, e.LastName, e.FirstName, e.Country, e.Qualification, e.ReceivedOn, e.AnswerDueOn, LpsStatus.Received, null);

    public LpsDeclaration Apply(LpsDeclarationRegistered e) => this with { Status = LpsStatus.Registered, ValidUntil = e.ValidUntil };

    public LpsDeclaration Apply(LpsDeclarationRenewed e) => this with { Status = LpsStatus.Registered, ValidUntil = e.ValidUntil };

    public LpsDeclaration Apply(LpsDeclarationExpired e) => this with { Status = LpsStatus.Expired };
}
