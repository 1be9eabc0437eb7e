using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Recommendations;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Coordination;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Coordination;

/// <summary>
/// The report's periods in a test: B is the half-year of the demo's held meetings, A the one before, where the test
/// adds one held meeting in Ondiep with three recommendations and two evaluations (its figures are the test's own).
/// </summary>
internal static class ReportTestData
{
    public const string EarlierRemark = "Te weinig tijd voor de analyse.";

    public static readonly HeldRecommendation[] EarlierRecommendations =
    [
        new("Leg de hulpvraag van het kind vast in zijn eigen woorden.", VisionPillar.ClientCentred | VisionPillar.Preconditions, RecommendationLevel.Case),
        new("Maak een wijkbrede route voor snelle GGZ-consultatie.", VisionPillar.AppropriateCare, RecommendationLevel.Neighbourhood),
        new("Vraag de gemeente om budget voor tolken in alle wijken.", VisionPillar.Preconditions, RecommendationLevel.City),
    ];

    public static async Task<(ReportPeriod A, ReportPeriod B)> PeriodsAsync(ProeftuinWebFactory factory)
    {
        var held = await factory.QueryAsync(db => db.Meetings.Where(m => m.StartedAtUtc != null).Select(m => m.StartedAtUtc!.Value).MaxAsync());
        var b = ReportPeriod.Containing(DateOnly.FromDateTime(held));
        return (b.Previous(), b);
    }

    /// <summary>A meeting held in Ondiep forty days into <paramref name="period"/>.</summary>
    public static Task<Guid> HoldEarlierMeetingAsync(ProeftuinWebFactory factory, ReportPeriod period, IReadOnlyList<(int, string?)> evaluations) =>
        factory.Services.HeldMeetingAsync("ondiep", DateTime.SpecifyKind(period.From.AddDays(40).ToDateTime(new TimeOnly(11, 0)), DateTimeKind.Utc), EarlierRecommendations, evaluations);

    /// <summary>A CSV of the report parsed by CsvHelper (not by our own writer's logic): the header and the rows.</summary>
    public static (string[] Header, List<string[]> Rows) ParseCsv(byte[] bytes, char separator = ',')
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var csv = CsvHelper.CsvReader.Create(bytes[3..], new CsvHelper.CsvReaderOptions { Separator = separator, HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        }

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
        return (rows[0], rows[1..]);
    }
}
