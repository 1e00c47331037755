namespace Ordre.Solidarity.Donations;

/// <summary>A council's donation to the fund (DOMAIN §5.1: DonationPledged → DonationReceived): one stream per donation.</summary>
public sealed class Donation
{
    public Guid Id { get; set; }
    /// <summary>The giving council's ledger account.</summary>
    public string Council { get; set; } = "";
    /// <summary>The fund it goes to.</summary>
    public string Fund { get; set; } = "";
    public decimal Amount { get; set; }
    public bool Received { get; set; }
    public Guid? Transfer { get; set; }

    public static Donation Create(DonationPledged e) => new() { Id = e.DonationId, Council = e.Council, Fund = e.Fund, Amount = e.Amount };

    public void Apply(DonationReceived e)
    {
        Received = true;
        Transfer = e.TransferId;
    }
}

public sealed record DonationPledged(Guid DonationId, string Council, string Fund, decimal Amount, DateTimeOffset At, string By) : IChanges<Donation>;

public sealed record DonationReceived(Guid DonationId, Guid TransferId, DateTimeOffset At, string By) : IChanges<Donation>;
