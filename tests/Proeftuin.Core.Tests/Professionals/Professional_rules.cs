using Proeftuin.Core.Common;
using Proeftuin.Core.Professionals;

namespace Proeftuin.Core.Tests.Professionals;

public sealed class Professional_rules
{
    [Fact]
    public void One_membership_per_wijk_and_chair_is_a_member_too()
    {
        var professional = new Professional(Guid.NewGuid(), "Ruud Jansen", "Ruud@Example.nl", Discipline.GeneralPractitioner, null);
        var ondiep = Guid.NewGuid();

        professional.JoinNeighbourhood(ondiep, MembershipRole.Member);
        professional.JoinNeighbourhood(ondiep, MembershipRole.Chair);

        Assert.Single(professional.Memberships);
        Assert.True(professional.IsMemberOf(ondiep));
        Assert.True(professional.IsChairOf(ondiep));
        Assert.False(professional.IsMemberOf(Guid.NewGuid()));
        Assert.Equal("ruud@example.nl", professional.Email);
    }

    [Fact]
    public void Email_must_look_like_an_address() =>
        Assert.Throws<DomainException>(() => new Professional(Guid.NewGuid(), "Naam", "geen-adres", Discipline.FamilyWorker, null));
}
