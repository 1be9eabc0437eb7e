namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>One way of finding identifying text. Rules run independently; overlaps are resolved afterwards.</summary>
internal interface IDetectionRule
{
    void Detect(ScanInput input, List<Finding> findings);
}
