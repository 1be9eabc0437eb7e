namespace Proeftuin.Web.Features.Archive;

/// <summary>Marker type for the archive's texts in Resources/Features.Archive.ArchiveText*.resx.</summary>
public sealed class ArchiveText;
