namespace Proeftuin.E2E.Infrastructure;

/// <summary>Finds files of the repository (npm packages, the artefacts folder) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string AxeScript => Path.Combine(Root, "src", "Proeftuin.Web", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Screenshots land here; CI keeps TestResults as artefacts and docs/ links to them.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Root, "TestResults", "screenshots")).FullName;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Proeftuin.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Proeftuin.sln not found above " + AppContext.BaseDirectory);
    }
}
