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
    private const double Threshold = 0.5;

    /// <summary>The model file (JSON) fitted on <paramref name="documents"/>, with how many examples it saw.</summary>
    public static string Fit(IEnumerable<CorpusDocument> documents, string source)
    {
        var (rows, labels) = Examples(documents);
        var weights = Newton(rows, labels);
        var about = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["fitted_on"] = source,
            ["command"] = "dotnet run --project src/Proeftuin.Cli -- anonymization fit-person-model",
            ["examples"] = rows.Count,
            ["names"] = labels.Count(l => l),
            ["ridge"] = Ridge,
            ["steps"] = Steps,
        };
        return new PersonModel(weights, Threshold).ToJson(about);
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
