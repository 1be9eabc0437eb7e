// Prints "locale<TAB>kind<TAB>name" for the first names and surnames of every Bogus locale (MIT, embedded in the
// package), so scripts/build-lexicons.py can derive the detector's name lexicons from a maintained source.
using Bogus;

string[] firstKeys = ["first_name", "male_first_name", "female_first_name"];
string[] lastKeys = ["last_name", "male_last_name", "female_last_name"];
foreach (var locale in Database.GetAllLocales().OrderBy(l => l, StringComparer.Ordinal))
{
    foreach (var (keys, kind) in new[] { (firstKeys, "first"), (lastKeys, "last") })
    {
        foreach (var key in keys)
        {
            if (!Database.HasKey("name", key, locale))
            {
                continue;
            }

            var node = Database.Get("name", key, locale, "en");
            foreach (var value in Flatten(node))
            {
                Console.WriteLine($"{locale}\t{kind}\t{value}");
            }
        }
    }
}

static IEnumerable<string> Flatten(Bogus.Bson.BValue node)
{
    if (node is Bogus.Bson.BArray array)
    {
        for (var i = 0; i < array.Count; i++)
        {
            foreach (var value in Flatten(array[i]))
            {
                yield return value;
            }
        }
    }
    else if (node.StringValue is { Length: > 0 } text)
    {
        yield return text;
    }
}
