namespace Ordre.Tableau.Register.Sanctions;

/// <summary>The ban on practising started (raised by the clock on its first day).</summary>
public sealed record PracticeBanStarted(Guid PractitionerId, string Rpps, Guid SanctionId, DateOnly From, DateOnly? To) : IChanges<Practitioner>;

/// <summary>The ban ended: after its last day, or early when the sanction was ended.</summary>
public sealed record PracticeBanEnded(Guid PractitionerId, string Rpps, Guid SanctionId, DateOnly On) : IChanges<Practitioner>;
