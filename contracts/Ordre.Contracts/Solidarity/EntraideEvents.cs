namespace Ordre.Contracts.Solidarity;

/// <summary>
/// An entraide aid request was received. <paramref name="Channel"/>: helpline, cdom or direct; <paramref name="Applicant"/>:
/// doctor or family. No name, no RPPS, no department, no situation: health and social data never leave the service.
/// </summary>
public sealed record AidRequested(Guid RequestId, string Channel, string Applicant, decimal AmountAsked, DateTimeOffset OccurredAt);

/// <summary>The national commission ruled: <paramref name="Decision"/> grant, loan or refused, and the amount (0 when refused).</summary>
public sealed record AidRuled(Guid RequestId, string Decision, decimal Amount, DateTimeOffset OccurredAt);

/// <summary>An aid was paid from a fund (<paramref name="Loan"/>: a loan to be repaid, see <see cref="LoanGranted"/>).</summary>
public sealed record AidPaidOut(Guid RequestId, decimal Amount, bool Loan, DateTimeOffset OccurredAt);

/// <summary>
/// <paramref name="Calls"/> calls to the entraide helpline on <paramref name="Day"/>, by caller profession (an open list),
/// mode of practice and route taken. Anonymous counts: nothing else is ever recorded of a call.
/// </summary>
public sealed record HelplineCallsRecorded(DateOnly Day, string Profession, string Mode, string Route, int Calls, DateTimeOffset OccurredAt);
