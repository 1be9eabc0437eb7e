namespace Proeftuin.Core.Anonymization;

/// <summary>What kind of identifying information a finding is. Serialised in upper case, as in the corpus.</summary>
public enum Category
{
    Person,
    Bsn,
    Date,
    Address,
    Postcode,
    Phone,
    Email,
    Iban,
    Url,
    Id,
    Institution,
}

public static class CategoryNames
{
    public static string Code(Category category) => category.ToString().ToUpperInvariant();

    public static bool TryParse(string code, out Category category) => Enum.TryParse(code, ignoreCase: true, out category) && Enum.IsDefined(category);
}
