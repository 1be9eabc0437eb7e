using Proeftuin.Core.Anonymization.Rules;

namespace Proeftuin.Core.Anonymization;

/// <summary>
/// Fits the person-name model (a logistic regression) on a labelled corpus: every candidate word the rules hand to the
/// model is an example, a name when it overlaps a gold PERSON span. Words inside a gold span of another category (a
/// street, a school) are left out: the overlap resolution gives those to their own rule anyway. Newton's method with a
/// ridge penalty, a fixed number of steps and no randomness: the same corpus gives the same weights.
/// </summary>
public static class PersonModelFitter
{
    private const double Ridge = 1.0;
    private const int Steps = 30;
    private const int MissedNameWeight = 4;

    /// <summary>
    /// An override must fix at least this share of the check words net, else the model stays silent on that side: a gain
    /// of a handful of words on some thousand comes from one or two documents and did not carry over to the held-out
    /// half when measured (ADR 11, amendment).
    /// </summary>
    private const double MinimumNetGainShare = 0.005;
    private static readonly double[] AddThresholds = [0.5, 0.7, 0.8, 0.9, 0.95, 0.99];
    private static readonly double[] DropThresholds = [0.5, 0.3, 0.2, 0.1, 0.05, 0.01];

    /// <summary>The model file (JSON) fitted on <paramref name="documents"/>, with how many examples it saw.</summary>
    public static string Fit(IEnumerable<CorpusDocument> documents, string source)
    {
        // Weights on four fifths of the documents, thresholds on the fifth they did not see: chosen on the words the
        // weights were fitted on, the thresholds overrule far too eagerly.
        var all = documents.ToList();
        var (rows, labels) = Examples(all.Where((_, i) => i % 5 != 4));
        var (checkRows, checkLabels) = Examples(all.Where((_, i) => i % 5 == 4));
        var weights = Newton(rows, labels);
        var probe = new PersonModel(weights, 2, -1);
        var probabilities = checkRows.Select(r => probe.Probability(r)).ToList();
        var minimumGain = (int)Math.Ceiling(checkRows.Count * MinimumNetGainShare);
        var (add, added) = BestThreshold(AddThresholds, t => Gain(checkRows, checkLabels, probabilities, ruleSaysName: false, p => p >= t), never: 2.0, minimumGain);
        var (drop, dropped) = BestThreshold(DropThresholds, t => Gain(checkRows, checkLabels, probabilities, ruleSaysName: true, p => p < t), never: -1.0, minimumGain);
        var about = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["fitted_on"] = source,
            ["command"] = "dotnet run --project src/Proeftuin.Cli -- anonymization fit-person-model",
            ["examples"] = rows.Count,
            ["names"] = labels.Count(l => l),
            ["threshold_examples"] = checkRows.Count,
            ["threshold_minimum_net_gain"] = minimumGain,
            ["ridge"] = Ridge,
            ["steps"] = Steps,
            ["threshold_net_words_fixed_by_adding"] = added,
            ["threshold_net_words_fixed_by_dropping"] = dropped,
        };
        return new PersonModel(weights, add, drop).ToJson(about);
    }

    /// <summary>
    /// The threshold that fixes the most training words net (words set right minus words set wrong, names weighted 4×) where the model
    /// overrules the rules; <paramref name="never"/> when none fixes at least <paramref name="minimumGain"/>: then the model stays silent.
    /// </summary>
    private static (double Threshold, int Gain) BestThreshold(double[] thresholds, Func<double, int> gain, double never, int minimumGain)
    {
        var best = (Threshold: never, Gain: 0);
        foreach (var threshold in thresholds)
        {
            var g = gain(threshold);
            if (g > best.Gain)
            {
                best = (threshold, g);
            }
        }

        // The gain is reported either way, so the model file says what the model would have fixed.
        return best.Gain >= minimumGain ? best : (never, best.Gain);
    }

    private static int Gain(List<double[]> rows, List<bool> labels, List<double> probabilities, bool ruleSaysName, Func<double, bool> overrule)
    {
        var gain = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            if ((rows[r][1] == 1) == ruleSaysName && overrule(probabilities[r]))
            {
                // Overruling is right when the rules were wrong about this word. As in the F2 score the detector is
                // judged by, a name missed weighs four times a word flagged for nothing.
                var right = labels[r] != ruleSaysName;
                gain += (right, labels[r]) switch
                {
                    (true, true) => MissedNameWeight,
                    (true, false) => 1,
                    (false, true) => -MissedNameWeight,
                    (false, false) => -1,
                };
            }
        }

        return gain;
    }

    private static (List<double[]> Rows, List<bool> Labels) Examples(IEnumerable<CorpusDocument> documents)
    {
        var rows = new List<double[]>();
        var labels = new List<bool>();
        foreach (var document in documents)
        {
            var candidates = new List<PersonCandidate>();
            new PersonRule(candidates: candidates).Detect(new ScanInput(document.Text), []);
            foreach (var candidate in candidates)
            {
                var overlapping = document.Spans.Where(s => s.Start < candidate.End && candidate.Start < s.End).ToList();
                var person = overlapping.Any(s => string.Equals(s.Category, "PERSON", StringComparison.OrdinalIgnoreCase));
                if (!person && overlapping.Count > 0)
                {
                    continue;
                }

                rows.Add(candidate.Features);
                labels.Add(person);
            }
        }

        return (rows, labels);
    }

    /// <summary>Maximises the penalised log-likelihood: each step solves (XᵀWX + λI) d = Xᵀ(y − p) − λw.</summary>
    private static double[] Newton(List<double[]> rows, List<bool> labels)
    {
        var n = PersonFeatures.Count;
        var weights = new double[n];
        for (var step = 0; step < Steps; step++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n];
            for (var r = 0; r < rows.Count; r++)
            {
                var x = rows[r];
                var z = 0.0;
                for (var j = 0; j < n; j++)
                {
                    z += weights[j] * x[j];
                }

                var p = 1.0 / (1.0 + Math.Exp(-z));
                var residual = (labels[r] ? 1.0 : 0.0) - p;
                var curvature = p * (1 - p);
                for (var j = 0; j < n; j++)
                {
                    if (x[j] == 0)
                    {
                        continue;
                    }

                    gradient[j] += residual * x[j];
                    for (var k = 0; k < n; k++)
                    {
                        hessian[j, k] += curvature * x[j] * x[k];
                    }
                }
            }

            for (var j = 0; j < n; j++)
            {
                // The bias is not penalised.
                var penalty = j == 0 ? 1e-9 : Ridge;
                gradient[j] -= penalty * weights[j];
                hessian[j, j] += penalty;
            }

            var delta = Solve(hessian, gradient);
            for (var j = 0; j < n; j++)
            {
                weights[j] += delta[j];
            }
        }

        return weights;
    }

    /// <summary>Gaussian elimination with partial pivoting; the matrix is symmetric positive definite thanks to the ridge.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }

            for (var k = 0; k < n; k++)
            {
                (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
            }

            (v[col], v[pivot]) = (v[pivot], v[col]);
            for (var row = col + 1; row < n; row++)
            {
                var factor = m[row, col] / m[col, col];
                for (var k = col; k < n; k++)
                {
                    m[row, k] -= factor * m[col, k];
                }

                v[row] -= factor * v[col];
            }
        }

        var result = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = v[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= m[row, k] * result[k];
            }

            result[row] = sum / m[row, row];
        }

        return result;
    }
}
