using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Refit;

namespace Ordre.Client;

/// <summary>The Solidarity service's routes through the gateway (docs/solidarity.md): ledger, donations, financing, loans, entraide, helpline.</summary>
public interface ISolidarityApi
{
    [Post("/solidarity/accounts")]
    Task<IApiResponse<LedgerAccount>> OpenAccount([Body] OpenLedgerAccount account, [Authorize] string? token);

    [Get("/solidarity/accounts/{id}")]
    Task<IApiResponse<LedgerAccount>> GetAccount(string id, [Authorize] string? token);

    [Post("/solidarity/transfers")]
    Task<IApiResponse<JsonElement>> Transfer([Body] LedgerTransfer transfer, [Authorize] string? token);

    [Post("/solidarity/donations")]
    Task<IApiResponse<DonationRecord>> PledgeDonation([Body] DonationPledge pledge, [Authorize] string? token);

    [Post("/solidarity/donations/{id}/receipt")]
    Task<IApiResponse<DonationRecord>> ReceiveDonation(Guid id, [Authorize] string? token);

    [Post("/solidarity/financing-requests")]
    Task<IApiResponse<FinancingRecord>> SubmitFinancingRequest([Body] FinancingSubmission request, [Authorize] string? token);

    [Get("/solidarity/financing-requests/{id}")]
    Task<IApiResponse<FinancingRecord>> GetFinancingRequest(Guid id, [Authorize] string? token);

    /// <summary>POST /solidarity/financing-requests/{id}/{step}: examination, decision, disbursement.</summary>
    [Post("/solidarity/financing-requests/{id}/{step}")]
    Task<IApiResponse<FinancingRecord>> ChangeFinancingRequest(Guid id, string step, [Body] object body, [Authorize] string? token);

    [Get("/solidarity/loans")]
    Task<IApiResponse<LoanPage>> ListLoans([Authorize] string? token, bool? inArrears = null, int? page = null, int? pageSize = null);

    [Post("/solidarity/aid-requests")]
    Task<IApiResponse<AidRecord>> RequestAid([Body] AidRequestFiling request, [Authorize] string? token);

    [Get("/solidarity/aid-requests/{id}")]
    Task<IApiResponse<AidRecord>> GetAidRequest(Guid id, [Authorize] string? token);

    [Put("/solidarity/aid-requests/{id}/members")]
    Task<IApiResponse<AidRecord>> AssignAidMembers(Guid id, [Body] AidMembers members, [Authorize] string? token);

    /// <summary>POST /solidarity/aid-requests/{id}/{step}: opinion, decision, payment.</summary>
    [Post("/solidarity/aid-requests/{id}/{step}")]
    Task<IApiResponse<AidRecord>> ChangeAidRequest(Guid id, string step, [Body] object body, [Authorize] string? token);

    [Post("/solidarity/helpline/calls")]
    Task<IApiResponse<JsonElement>> CountHelplineCalls([Body] HelplineCalls calls, [Authorize] string? token);

    [Get("/solidarity/helpline/report")]
    Task<IApiResponse<HelplineFigures>> HelplineReport(DateOnly from, DateOnly to, [Authorize] string? token);

    [Get("/solidarity/ledger/balance")]
    Task<IApiResponse<LedgerBalance>> LedgerBalance([Authorize] string? token);

    [Get("/solidarity/ledger/verify")]
    Task<IApiResponse<LedgerVerification>> VerifyLedger([Authorize] string? token);
}

public sealed record OpenLedgerAccount(string Id, string Kind, string Name, string? Department = null, string? Region = null);
public sealed record LedgerAccount(string Id, string Kind, string Name, string? Department, string? Region, decimal Balance, decimal Available);
public sealed record TransferLeg(string Debit, string Credit, decimal Amount);
public sealed record LedgerTransfer(Guid TransferId, IReadOnlyList<TransferLeg> Legs, bool Pending = false, string? Memo = null);
public sealed record DonationPledge(string Council, string Fund, decimal Amount, Guid? Id = null);
public sealed record DonationRecord(Guid Id, string Council, string Fund, decimal Amount, string Status, Guid? Transfer);
public sealed record FinancingSubmission(string Council, decimal Amount, string Purpose, string? Commission = null, Guid? Id = null);
public sealed record FinancingRecord(Guid Id, string Council, decimal Amount, string Purpose, string Commission, string Status,
    string? Opinion, decimal? Granted, Guid? Disbursement, string? Fund, Guid? Loan);
public sealed record LoanSchedule(DateOnly DueOn, decimal Amount);
public sealed record LoanRecord(Guid Id, string Source, Guid SourceId, string Borrower, string Fund, decimal Principal, decimal Repaid, decimal Outstanding,
    IReadOnlyList<LoanSchedule> Schedule, bool InArrears, decimal Overdue, bool Settled, DateOnly OpenedOn);
public sealed record LoanPage(IReadOnlyList<LoanRecord> Items, int Page, int PageSize, long Total);
public sealed record AidRequestFiling(string Channel, string Applicant, string? Rpps, string? Department, decimal AmountAsked,
    string ApplicantName, string? Contact, string Situation, string? Relationship = null, Guid? Id = null);
public sealed record AidMembers(IReadOnlyList<string> Members);
public sealed record AidRecord(Guid Id, string Channel, string Applicant, string Department, decimal AmountAsked, string Status,
    DateOnly ReceivedOn, IReadOnlyList<string> Members, bool? FavourableOpinion, string? Kind, decimal? Granted, string? Fund, Guid? Transfer, Guid? Loan);
public sealed record HelplineCalls(DateOnly Day, string Profession, string Mode, string Route, int Calls, Guid? Entry = null);
public sealed record HelplineFigures(DateOnly From, DateOnly To, int Calls, IReadOnlyDictionary<string, int> ByProfession,
    IReadOnlyDictionary<string, int> ByMode, IReadOnlyDictionary<string, int> ByRoute);
public sealed record LedgerBalance(bool Balanced, decimal Debits, decimal Credits, decimal SumOfBalances, decimal DebitsPending, decimal CreditsPending,
    int Accounts, long Postings, IReadOnlyList<string> NegativeFunds);
public sealed record LedgerDiscrepancy(long? Sequence, Guid? TransferId, string? Account, string Problem);
public sealed record LedgerVerification(bool Intact, long Postings, string LastHash, IReadOnlyList<LedgerDiscrepancy> Discrepancies);

public static class SolidarityClient
{
    private static readonly RefitSettings Settings = new()
    {
        ContentSerializer = new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)),
    };

    public static ISolidarityApi Create(Uri gateway, TimeSpan? timeout = null) =>
        RestService.For<ISolidarityApi>(new HttpClient { BaseAddress = gateway, Timeout = timeout ?? TimeSpan.FromSeconds(100) }, Settings);

    /// <summary>A stable id for a caller-chosen record (the same name gives the same id on every run): a retry or a second load finds it.</summary>
    public static Guid StableId(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (name-based, custom hash)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes);
    }
}
