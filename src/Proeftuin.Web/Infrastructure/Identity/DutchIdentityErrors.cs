using Microsoft.AspNetCore.Identity;

namespace Proeftuin.Web.Infrastructure.Identity;

/// <summary>Identity's validation messages in Dutch, as users see them.</summary>
public sealed class DutchIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Een wachtwoord heeft minstens {length} tekens." };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Een wachtwoord bevat minstens één cijfer." };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Een wachtwoord bevat minstens één hoofdletter." };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Een wachtwoord bevat minstens één kleine letter." };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = "Er bestaat al een account met dit e-mailadres." };

    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "Deze link of code is ongeldig of verlopen." };
}
