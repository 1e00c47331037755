namespace Ordre.Bench;

public static class Percentiles
{
    public static string Row(string name, List<double> millis)
    {
        millis.Sort();
        double At(double q) => millis[Math.Min(millis.Count - 1, (int)Math.Ceiling(q * millis.Count) - 1)];
        return $"| {name} | {millis.Count} | {At(0.50):0.0} | {At(0.99):0.0} | {millis[^1]:0.0} |";
    }

    public const string Header = "| call | n | p50 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- |";
}
