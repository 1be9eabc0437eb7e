using Proeftuin.Core.Professionals;

namespace Proeftuin.Data.Seeding;

/// <summary>The demo accounts created on first run. Printed in the README and, in Development, in the log.</summary>
public static class DemoAccounts
{
    /// <summary>One password for every demo account; demo data exists only for trying the product out.</summary>
    public const string Password = "Demo-Proeftuin-2026";

    /// <summary>
    /// The authenticator (TOTP) key of every demo account, Base32: add it to an authenticator app to log in with
    /// two-factor authentication. Demo data only; real accounts enrol with a key of their own.
    /// </summary>
    public const string AuthenticatorKey = "PROEFTUINDEMOKEY";

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("ruud.jansen@demo.proeftuin.nl", "Ruud Jansen", Discipline.GeneralPractitioner, "Huisartsenpraktijk Leidsche Rijn Centrum", [("LR", MembershipRole.Chair)]),
        new("fatima.elamrani@demo.proeftuin.nl", "Fatima El Amrani", Discipline.MentalHealthPracticeNurse, "Huisartsenpraktijk Leidsche Rijn Centrum", [("LR", MembershipRole.Member)]),
        new("marieke.bos@demo.proeftuin.nl", "Marieke Bos", Discipline.YouthHealthDoctor, "JGZ Utrecht", [("LR", MembershipRole.Member)]),
        new("sanne.visser@demo.proeftuin.nl", "Sanne Visser", Discipline.FamilyWorker, "Buurtteam Jeugd en Gezin West", [("LR", MembershipRole.Member), ("OND", MembershipRole.Member)]),
        new("pieter.vandijk@demo.proeftuin.nl", "Pieter van Dijk", Discipline.GeneralPractitioner, "Gezondheidscentrum Ondiep", [("OND", MembershipRole.Member)]),
        new("kevin.smit@demo.proeftuin.nl", "Kevin Smit", Discipline.MentalHealthPracticeNurse, "Gezondheidscentrum Ondiep", [("OND", MembershipRole.Member)]),
        new("esra.yilmaz@demo.proeftuin.nl", "Esra Yılmaz", Discipline.YouthHealthDoctor, "JGZ Utrecht", [("OND", MembershipRole.Member)]),
        new("joost.mulder@demo.proeftuin.nl", "Joost Mulder", Discipline.FamilyWorker, "Buurtteam Jeugd en Gezin Noordwest", [("OND", MembershipRole.Chair)]),
        new("ingrid.meijer@demo.proeftuin.nl", "Ingrid Meijer", Discipline.GeneralPractitioner, "Huisartsenpraktijk Binnenstad", [("BIN", MembershipRole.Chair)]),
        new("youssef.benali@demo.proeftuin.nl", "Youssef Benali", Discipline.MentalHealthPracticeNurse, "Huisartsenpraktijk Binnenstad", [("BIN", MembershipRole.Member)]),
        new("lotte.degraaf@demo.proeftuin.nl", "Lotte de Graaf", Discipline.YouthHealthDoctor, "JGZ Utrecht", [("BIN", MembershipRole.Member)]),
        new("daan.bakker@demo.proeftuin.nl", "Daan Bakker", Discipline.FamilyWorker, "Buurtteam Jeugd en Gezin Binnenstad", [("BIN", MembershipRole.Member)]),
        new("hanna.koster@demo.proeftuin.nl", "Hanna Koster", Discipline.Other, "Academische Werkplaats", [], Identity.GlobalRoles.Coordinator),
        new("beheer@demo.proeftuin.nl", "Tom Beheer", Discipline.Other, "Proeftuin", [], Identity.GlobalRoles.Administrator),
    ];
}

/// <summary>A demo professional, the wijken they belong to (by case-code prefix) and an optional global role.</summary>
public sealed record DemoAccount(
    string Email,
    string Name,
    Discipline Discipline,
    string Organisation,
    IReadOnlyList<(string Neighbourhood, MembershipRole Role)> Memberships,
    string? GlobalRole = null);
