namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>What made a word a name: the short reason the live warning shows.</summary>
internal enum PersonReason
{
    None,
    Guarded,
    Title,
    Context,
    SpeechVerb,
    Lexicon,
    UnknownCapitalised,
    LowerCaseUnknown,
    CapitalsUnknown,
    Initials,
    FullName,
    MentionedBefore,
    Model,
}

internal static class PersonReasons
{
    public static string Code(PersonReason reason) => reason switch
    {
        PersonReason.Guarded => "guarded",
        PersonReason.Title => "title",
        PersonReason.Context => "context",
        PersonReason.SpeechVerb => "speech-verb",
        PersonReason.Lexicon => "name-list",
        PersonReason.UnknownCapitalised => "unknown-capitalised",
        PersonReason.LowerCaseUnknown => "unknown-lower-case",
        PersonReason.CapitalsUnknown => "unknown-capitals",
        PersonReason.Initials => "initials",
        PersonReason.MentionedBefore => "mentioned-before",
        PersonReason.Model => "model",
        _ => "full-name",
    };
}
