namespace Ordre.Testing;

/// <summary>Finds the repository and the built services the tests start.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug: the configuration the tests themselves were built in.</summary>
    public static string Configuration { get; } =
        Environment.GetEnvironmentVariable("ORDRE_TEST_CONFIGURATION")
        ?? new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The built dll of a host of deploy/services.txt, by assembly name (Ordre.Tableau).</summary>
    public static string ServiceAssembly(string assembly)
    {
        var path = Path.Combine(Root, OrdreServices.WithAssembly(assembly).Folder, "bin", Configuration, "net10.0", assembly + ".dll");
        return File.Exists(path) ? path
            : throw new FileNotFoundException($"{assembly} is not built in {Configuration}: run `dotnet build -c {Configuration}` first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ordre.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("Ordre.sln not found above " + AppContext.BaseDirectory);
    }
}
