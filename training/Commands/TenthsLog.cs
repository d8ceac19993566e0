using System.Globalization;

namespace DeepPlate.Training.Commands;

/// <summary>A progress callback that logs "  done/total unit" at every tenth of the work, so a long run shows it is
/// alive without flooding the log. Safe to call from several threads (counts may arrive out of order).</summary>
public static class TenthsLog
{
    public static Action<int> For(int total, string unit, TextWriter log)
    {
        var reported = 0;
        var gate = new object();
        return done =>
        {
            lock (gate)
            {
                if (done * 10 / total <= reported) return;
                reported = done * 10 / total;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {done}/{total} {unit}"));
            }
        };
    }
}
