using Proeftuin.Core.Cases;
using Proeftuin.Core.Common;

namespace Proeftuin.Core.Tests.Cases;

public sealed class Case_code_rules
{
    [Fact]
    public void Parses_and_prints_the_canonical_form()
    {
        var code = CaseCode.Parse("OND-2026-007");

        Assert.Equal(("OND", 2026, 7), (code.Prefix, code.Year, code.Number));
        Assert.Equal("OND-2026-007", code.ToString());
    }

    [Theory]
    [InlineData("ond-2026-007")]
    [InlineData("OND-26-007")]
    [InlineData("OND-2026-000")]
    [InlineData("ONDIEP-2026-001")]
    [InlineData("")]
    public void Rejects_malformed_codes(string text)
    {
        Assert.False(CaseCode.TryParse(text, out _));
        Assert.Throws<DomainException>(() => CaseCode.Parse(text));
    }

    [Fact]
    public void Next_code_follows_the_highest_number_of_that_wijk_and_year()
    {
        var next = CaseCode.Next("OND", 2026, ["OND-2026-001", "OND-2026-009", "OND-2025-044", "BIN-2026-050"]);

        Assert.Equal("OND-2026-010", next.ToString());
    }

    [Fact]
    public void Code_must_be_unique_within_the_wijk()
    {
        var error = Assert.Throws<DomainException>(() => CaseCode.EnsureUsable(CaseCode.Parse("OND-2026-003"), "OND", ["OND-2026-003"]));

        Assert.Equal("case.code.duplicate", error.Code);
    }

    [Fact]
    public void Code_must_carry_the_prefix_of_its_wijk() =>
        Assert.Throws<DomainException>(() => CaseCode.EnsureUsable(CaseCode.Parse("BIN-2026-003"), "OND", []));
}
