using Microsoft.AspNetCore.Identity;

namespace Proeftuin.Data.Identity;

public sealed class ProeftuinRole : IdentityRole<Guid>
{
}
