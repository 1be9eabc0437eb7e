using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Proeftuin.Data;

/// <summary>Stores DateTime as given (UTC by domain rule) and marks values read back as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value,
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
