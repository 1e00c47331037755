namespace Ordre.Discipline.Chambers.Opening;

public sealed record ChamberCaseRegistered(
    Guid CaseId, Guid ComplaintId, string Rpps, string Department, DateOnly RegisteredOn, DateOnly DecisionDueOn, bool EmergencySuspension = false)
    : IChanges<ChamberCase>;

/// <summary>A case opens at the first-instance chamber when a council transmits a complaint, in the same transaction.</summary>
public static class OpenCase
{
    /// <summary>The chamber has 6 months to decide, 2 on a case referred after an ARS emergency suspension.</summary>
    public static ChamberCaseRegistered OnTransmission(Guid caseId, Guid complaintId, string rpps, string department, DateOnly on, bool emergencySuspension) =>
        new(caseId, complaintId, rpps, department, on,
            DisciplineRules.Book.After(emergencySuspension ? DisciplineRules.EmergencyDecision : DisciplineRules.ChamberDecision, on), emergencySuspension);
}
