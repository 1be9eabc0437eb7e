using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Meetings;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// A recommendation travels to the coordinator of all wijken and into every export, so the guard runs before it is
/// stored: a BSN, a phone number or a guarded name of a case on the agenda is refused with the findings, and nothing
/// of it is stored, listed or exported.
/// </summary>
public sealed class Guarded_recommendations(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Chair = "joost.mulder@demo.proeftuin.nl";
    private const string Member = "kevin.smit@demo.proeftuin.nl";
    private const string Coordinator = "hanna.koster@demo.proeftuin.nl";

    [Fact]
    public async Task Recommendation_with_a_bsn_a_phone_number_or_a_guarded_name_is_refused_and_reaches_no_coordinator_list_or_export()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
        await using var member = await HubConnections.ConnectAsync(factory, Member);
        var snapshot = (await member.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId)).Value!;
        var caseId = Guid.ParseExact(snapshot.Documents[0].DocumentId[5..], "N");
        using var joost = await factory.SignedInAsync(Chair);
        using var named = await joost.PutAsJsonAsync(new Uri($"/api/cases/{caseId}/guarded-names", UriKind.Relative), new { names = new[] { "Bartholomeus Wolkenveld" } });

        var bsn = await AddAsync(member, "Controleer BSN 111222333 bij de gemeente.", caseId);
        var phone = await AddAsync(member, "Bel de vader op 06-12345678 na de bespreking.", null);
        var guardedName = await AddAsync(member, "Gesprek met wolkenveld over de overstap.", caseId);
        var clean = await AddAsync(member, "Vaste contactpersoon op school voor het gezin.", caseId);
        var edited = await member.InvokeAsync<HubResult<RecommendationView>>(nameof(MeetingHub.EditRecommendation), clean.Value!.Id, 1,
            new RecommendationInput("Vaste contactpersoon: Bartholomeus, via school.", ["ClientCentred"], "Case", [], null, null, caseId));

        Assert.Equal(HttpStatusCode.NoContent, named.StatusCode);
        foreach (var (refused, category) in new[] { (bsn, "BSN"), (phone, "PHONE"), (guardedName, "PERSON") })
        {
            Assert.False(refused.Ok);
            Assert.Equal("anonymization.open", refused.Error!.Code);
            Assert.Contains(refused.Error.Findings!, f => f.Field == "text" && f.Category == category && f.Placeholder.StartsWith('['));
        }

        Assert.Contains(guardedName.Error!.Findings!, f => f.Rule == "guarded-name");
        Assert.DoesNotContain("111222333", bsn.Error!.Message, StringComparison.Ordinal);
        Assert.True(clean.Ok, clean.Error?.Message);
        Assert.Equal("anonymization.open", edited.Error!.Code);

        var stored = await factory.QueryAsync(db => db.Recommendations.Where(r => r.MeetingId == meetingId).ToListAsync());
        var kept = Assert.Single(stored);
        Assert.Equal(("Vaste contactpersoon op school voor het gezin.", 1), (kept.Text, kept.Version));
        Assert.True(await factory.AuditedAsync("Recommendation", null, "denied"));

        using var hanna = await factory.SignedInAsync(Coordinator);
        var list = await hanna.OpenAsync("/coordinatie");
        using var csv = await hanna.GetAsync(new Uri("/api/coordination/recommendations/export/csv", UriKind.Relative));
        using var markdown = await hanna.GetAsync(new Uri("/api/coordination/recommendations/export/md", UriKind.Relative));
        var files = await csv.Content.ReadAsStringAsync() + await markdown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        foreach (var identifying in new[] { "111222333", "06-12345678", "olkenveld", "Bartholomeus" })
        {
            Assert.DoesNotContain(identifying, list.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(identifying, files, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("Vaste contactpersoon op school voor het gezin.", files, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_recommendation_with_a_finding_is_held_back_from_every_coordinator_export()
    {
        // Rows from before the guard (or a case that got guarded names later) never leave in a file.
        await factory.QueryAsync(async db =>
        {
            var neighbourhood = await db.Neighbourhoods.SingleAsync(n => n.Slug == "binnenstad");
            var author = await db.Memberships.Where(m => m.NeighbourhoodId == neighbourhood.Id).Select(m => m.ProfessionalId).FirstAsync();
            var recommendation = new Core.Recommendations.Recommendation(Guid.NewGuid(), neighbourhood.Id, null, null,
                new Core.Recommendations.RecommendationDetails { Text = "Oud advies: mail naar ouders@example.nl voor overleg", Pillars = Core.Recommendations.VisionPillar.Preconditions, Level = Core.Recommendations.RecommendationLevel.City, AddressedTo = [], OwnerId = null, DueDate = null }, author, DateTime.UtcNow);
            db.Recommendations.Add(recommendation);
            await db.SaveChangesAsync();
            return recommendation.Id;
        });
        using var hanna = await factory.SignedInAsync(Coordinator);

        foreach (var format in new[] { "csv", "md", "html", "docx" })
        {
            using var response = await hanna.GetAsync(new Uri($"/api/coordination/recommendations/export/{format}", UriKind.Relative));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (format != "docx")
            {
                var text = System.Text.Encoding.UTF8.GetString(bytes);
                Assert.DoesNotContain("ouders@example.nl", text, StringComparison.Ordinal);
                if (format != "csv")
                {
                    Assert.Contains("1 aanbeveling achtergehouden (mogelijk identificerend)", text, StringComparison.Ordinal);
                }
            }
            else
            {
                using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
                Assert.DoesNotContain("ouders@example.nl", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
            }
        }

    }

    private static Task<HubResult<RecommendationView>> AddAsync(HubConnection connection, string text, Guid? caseId) =>
        connection.InvokeAsync<HubResult<RecommendationView>>(nameof(MeetingHub.AddRecommendation),
            new RecommendationInput(text, ["ClientCentred"], "Case", ["FamilyWorker"], null, null, caseId));
}
