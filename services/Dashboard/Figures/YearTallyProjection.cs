using JasperFx.Events;
using Marten.Events.Projections;
using Ordre.Contracts.Tableau;
using Ordre.Dashboard.Inbox;

namespace Ordre.Dashboard.Figures;

/// <summary>
/// The figures as a Marten projection of the stored integration events (async daemon): each event goes to the
/// <see cref="YearTally"/> of the civil year <see cref="FigureRules"/> places it in. Rebuilt from the stored events by
/// <c>./ordre dashboard rebuild</c> (docs/dashboard.md).
/// </summary>
public sealed partial class YearTallyProjection : MultiStreamProjection<YearTally, int>
{
    public const string ProjectionName = "dashboard-figures";

    public YearTallyProjection()
    {
        Name = ProjectionName;
        foreach (var type in DashboardEvents.Types)
            IncludeType(type);
        CustomGrouping((_, events, grouping) =>
        {
            foreach (var e in events)
                if (FigureRules.Of(e.Data) is { } contribution)
                    grouping.AddEvent(contribution.Day.Year, e);
                else if (e.Data is TableauHeadcountCounted headcount)
                    grouping.AddEvent(FigureRules.YearOf(headcount), e);
            return Task.CompletedTask;
        });
    }

    public override YearTally? Evolve(YearTally? snapshot, int id, IEvent e)
    {
        var tally = snapshot ?? new YearTally { Id = id };
        if (FigureRules.Of(e.Data) is { } contribution)
            tally.Add(contribution);
        else if (e.Data is TableauHeadcountCounted headcount)
            tally.Keep(headcount);
        tally.LastSequence = Math.Max(tally.LastSequence, e.Sequence);
        return tally;
    }
}
