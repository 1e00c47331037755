using Grpc.Core;
using Marten;
using Ordre.Contracts.Tableau.Lookup;
using Ordre.ServiceDefaults.Audit;
using Ordre.Tableau.Register.AsOf;

namespace Ordre.Tableau.Lookup;

/// <summary>gRPC PractitionerLookup for the other services (contracts/protos/practitioner_lookup.proto).</summary>
public sealed class PractitionerLookupService(IQuerySession session, TimeProvider clock) : PractitionerLookup.PractitionerLookupBase
{
    public override async Task<PractitionerStatus> GetStatus(PractitionerStatusRequest request, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        AuditSetup.Name(http, [request.Rpps]);
        return (await PractitionerStatuses.LookUpAsync(session, [request.Rpps], http.User, context.CancellationToken, AsOf(request.AsOf)))[0];
    }

    public override async Task<PractitionerStatusBatch> GetStatuses(PractitionerStatusBatchRequest request, ServerCallContext context)
    {
        if (request.Rpps.Count > PractitionerStatuses.MaxBatch)
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"Au plus {PractitionerStatuses.MaxBatch} numéros RPPS par appel ({request.Rpps.Count} reçus)."));
        var batch = new PractitionerStatusBatch();
        var http = context.GetHttpContext();
        AuditSetup.Name(http, request.Rpps);
        batch.Statuses.AddRange(await PractitionerStatuses.LookUpAsync(session, request.Rpps, http.User, context.CancellationToken, AsOf(request.AsOf)));
        return batch;
    }

    private DateOnly? AsOf(string asOf)
    {
        var (day, error) = RegisterAsOf.ParseDay(asOf, ParisCalendar.Today(clock));
        return error is null ? day : throw new RpcException(new Status(StatusCode.InvalidArgument, error));
    }
}
