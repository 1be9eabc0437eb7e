using Proeftuin.Testing;

namespace Proeftuin.E2E.Infrastructure;

/// <summary>Finds files of the repository (npm packages, the artefacts folder) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string AxeScript => Path.Combine(Root, "src", "Proeftuin.Web", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Screenshots land here; CI keeps TestResults as artefacts and docs/ links to them.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Root, "TestResults", "screenshots")).FullName;
}
