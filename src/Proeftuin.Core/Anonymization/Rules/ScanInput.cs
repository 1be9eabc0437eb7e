namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>The text being scanned, with its word list split once and shared by the rules that walk words.</summary>
internal sealed class ScanInput(string text)
{
    private List<Word>? _words;

    public string Text { get; } = text;

    public List<Word> Words => _words ??= Word.Split(Text);
}
