using Ordre.Bench;
using Ordre.Client;

// Usage: Ordre.Bench inscriptions [--gateway URL] [--inscriptions 300] [--seed 7]
//        Ordre.Bench grpc-batch   [--gateway URL] [--grpc http://127.0.0.1:5202] [--size 10000] [--runs 20] [--as-of 2024-03-01]
//        Ordre.Bench enforcement  [--gateway URL] [--sanctions 1000] [--workers 4] [--seed 11]   (Tableau with Clock__ShiftDays=1)
//        Ordre.Bench feed         [--gateway URL] [--registrations 300] [--seed 13]
//        Ordre.Bench conventions  [--gateway URL] [--rows 301674] [--company labo-autre] [--pid-file .run/conventions.pid]
//                                 [--postgres 'Host=127.0.0.1;Username=postgres;Password=postgres;Database=postgres']
//                                 [--rabbitmq-management http://guest:guest@127.0.0.1:15672/] [--seed 2020] [--upload-only]
//        Ordre.Bench transfers    [--gateway URL] [--service http://127.0.0.1:5601] [--transfers 500] [--writers 8] [--single 200] [--postgres CS] [--pid N]
//        Ordre.Bench dashboard-rebuild [--events 1000000] [--postgres CS] [--seed 14]   (no running system needed)
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
    "conventions" => await ConventionsYear.RunAsync(gateway, int.Parse(Option("--rows") ?? DemoConventions.Year2020.ToString()),
        Option("--company") ?? "labo-autre", Option("--pid-file") ?? ".run/conventions.pid",
        Option("--postgres") ?? "Host=127.0.0.1;Port=5432;SSL Mode=Disable;Username=postgres;Password=postgres;Database=postgres",
        new Uri(Option("--rabbitmq-management") ?? "http://guest:guest@127.0.0.1:15672/"), int.Parse(Option("--seed") ?? "2020"),
        args.Contains("--upload-only")),
    "conventions-references" => await ConventionsYear.ReferencesOnlyAsync(int.Parse(Option("--rows") ?? "20000"),
        Option("--postgres") ?? "Host=127.0.0.1;Port=5432;SSL Mode=Disable;Username=postgres;Password=postgres;Database=postgres"),
    "transfers" => await TransferThroughput.RunAsync(gateway, new Uri(Option("--service") ?? "http://127.0.0.1:5601"), int.Parse(Option("--transfers") ?? "500"), int.Parse(Option("--writers") ?? "8"), int.Parse(Option("--single") ?? "200"), Option("--postgres") ?? "Host=127.0.0.1;Port=5432;SSL Mode=Disable;Username=postgres;Password=postgres;Database=postgres", Option("--pid") is { } pid ? int.Parse(pid) : null, args.Contains("--raw-only")),
    "dashboard-rebuild" => await DashboardRebuild.RunAsync(Option("--postgres") ?? "Host=127.0.0.1;Port=5432;SSL Mode=Disable;Username=postgres;Password=postgres;Database=postgres",
        int.Parse(Option("--events") ?? "1000000"), int.Parse(Option("--seed") ?? "14")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Ordre.Bench inscriptions|grpc-batch|enforcement|feed|conventions|transfers|dashboard-rebuild [options] (see Program.cs)");
    return 2;
}
