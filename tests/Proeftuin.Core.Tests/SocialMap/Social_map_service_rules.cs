using Proeftuin.Core.Common;
using Proeftuin.Core.SocialMap;

namespace Proeftuin.Core.Tests.SocialMap;

public sealed class Social_map_service_rules
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    private static SocialMapService New(string? website = "https://example.org") =>
        new(Guid.NewGuid(), Guid.NewGuid(), " Buurtteam Jeugd en Gezin Overvecht ", KindOfHelp.Buurtteam, "Bel of mail het team",
            "030-000 00 00", website, "ma–vr 9.00–17.00", null, Guid.NewGuid(), Now);

    [Fact]
    public void Keeps_trimmed_fields_and_starts_at_version_zero()
    {
        var service = New();
        Assert.Equal("Buurtteam Jeugd en Gezin Overvecht", service.Name);
        Assert.Equal("ma–vr 9.00–17.00", service.OpeningHours);
        Assert.Equal(0, service.Version);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("www.example.org")]
    [InlineData("ftp://example.org")]
    public void Website_must_be_an_http_url(string website) =>
        Assert.Equal("socialmap.service.website", Assert.Throws<DomainException>(() => New(website)).Code);

    [Fact]
    public void Name_and_how_to_refer_are_required() =>
        Assert.Equal("socialmap.service.name", Assert.Throws<DomainException>(
            () => new SocialMapService(Guid.NewGuid(), Guid.NewGuid(), " ", KindOfHelp.Overig, "x", null, null, null, null, Guid.NewGuid(), Now)).Code);

    [Fact]
    public void Update_moves_the_version_on_and_a_refused_update_changes_nothing()
    {
        var service = New();
        var editor = Guid.NewGuid();
        service.Update("Veilig Thuis regio Utrecht", KindOfHelp.HuiselijkGeweld, "Bel 0800-2000", null, null, null, null, editor, Now.AddHours(1));
        Assert.Equal(1, service.Version);
        Assert.Equal(editor, service.UpdatedBy);

        Assert.Throws<DomainException>(() => service.Update("Andere naam", KindOfHelp.Overig, "x", null, "nope", null, null, Guid.NewGuid(), Now));
        Assert.Equal("Veilig Thuis regio Utrecht", service.Name);
        Assert.Equal(1, service.Version);
    }
}
