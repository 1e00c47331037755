using Ordre.Contracts.Tableau;

namespace Ordre.Tableau.Register.Headcount;

/// <summary>The last headcount published (one document): at startup, a figure that differs from it is published again.</summary>
public sealed class LastPublishedHeadcount
{
    public const string TheOne = "headcount";

    public string Id { get; set; } = TheOne;

    public DateTimeOffset CountedAt { get; set; }

    /// <summary>The publication's number (<see cref="TableauHeadcountCounted.Number"/>).</summary>
    public long Number { get; set; }

    public List<HeadcountRow> Rows { get; set; } = [];
}
