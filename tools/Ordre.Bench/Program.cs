using Ordre.Bench;

// Usage: Ordre.Bench inscriptions [--gateway URL] [--inscriptions 300] [--seed 7]
//        Ordre.Bench grpc-batch   [--gateway URL] [--grpc http://127.0.0.1:5202] [--size 10000] [--runs 20] [--as-of 2024-03-01]
//        Ordre.Bench enforcement  [--gateway URL] [--sanctions 1000] [--workers 4] [--seed 11]   (Tableau with Clock__ShiftDays=1)
//        Ordre.Bench feed         [--gateway URL] [--registrations 300] [--seed 13]
//        Ordre.Bench transfers    [--gateway URL] [--service http://127.0.0.1:5601] [--transfers 500] [--writers 8] [--single 200] [--postgres CS] [--pid N]
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var gateway = new Uri(Option("--gateway") ?? "http://127.0.0.1:5000");
return args.FirstOrDefault() switch
{
    "inscriptions" => await InscriptionLatency.RunAsync(gateway, int.Parse(Option("--inscriptions") ?? "300"),
        int.Parse(Option("--seed") ?? Environment.TickCount.ToString())),
    "grpc-batch" => await GrpcBatchLookup.RunAsync(gateway, new Uri(Option("--grpc") ?? "http://127.0.0.1:5202"),
        int.Parse(Option("--size") ?? "10000"), int.Parse(Option("--runs") ?? "20"), Option("--as-of")),
    "enforcement" => await EnforcementLatency.RunAsync(gateway, int.Parse(Option("--sanctions") ?? "1000"),
        int.Parse(Option("--workers") ?? "4"), int.Parse(Option("--seed") ?? Environment.TickCount.ToString())),
    "feed" => await FeedCatchUpAndLatency.RunAsync(gateway, int.Parse(Option("--registrations") ?? "300"),
        int.Parse(Option("--seed") ?? Environment.TickCount.ToString())),
    "transfers" => await TransferThroughput.RunAsync(gateway, new Uri(Option("--service") ?? "http://127.0.0.1:5601"), int.Parse(Option("--transfers") ?? "500"), int.Parse(Option("--writers") ?? "8"), int.Parse(Option("--single") ?? "200"), Option("--postgres") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres", Option("--pid") is { } pid ? int.Parse(pid) : null, args.Contains("--raw-only")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Ordre.Bench inscriptions|grpc-batch|enforcement|feed [options] (see Program.cs)");
    return 2;
}
