using DeepPlate.Synth;

namespace DeepPlate.Training.Evaluation;

/// <summary>
/// The evaluation grid: plate width x SNR x JPEG quality, every other degradation fixed, plates drawn from one fixed
/// seed. Plate i of every cell has the same text, look, scene and noise pattern (the generator draws them from forks
/// that the fixed degradations do not touch), so cells differ only by their three axes and two models evaluated on
/// the same grid see identical plates.
/// </summary>
/// <param name="WidthsPx">Plate widths in scene pixels (the projected plate's bounding box).</param>
/// <param name="SnrsDb">Sensor noise SNRs in dB (synth/README.md, "SNR"); null = no noise.</param>
/// <param name="JpegQualities">JPEG qualities 1-100; null = no JPEG step.</param>
/// <param name="Fixed">Every degradation that is not an axis, for a plate 100 px wide (see <see cref="At"/>).</param>
/// <param name="ClickErrorFraction">Click error as a fraction of the plate width.</param>
/// <param name="Seed">The sample stream; training and validation draw from other seeds.</param>
public sealed record EvaluationGrid(
    IReadOnlyList<double> WidthsPx,
    IReadOnlyList<double?> SnrsDb,
    IReadOnlyList<int?> JpegQualities,
    Degradations Fixed,
    double ClickErrorFraction,
    ulong Seed)
{
    /// <summary>"EVAL" in ASCII: a seed no training or validation run uses (they count from small seeds).</summary>
    public const ulong StandardSeed = 0x4556414C;

    /// <summary>
    /// The standard grid, the axes of the literature's standard grid (shared/research/literature.md §5) narrowed
    /// to 288 cells that run in about a minute per 100 plates a cell on two cores. The fixed levels are a moderate
    /// camera, neither the clean render (which flatters every model) nor a worst case (which would mask the axes):
    /// <list type="bullet">
    /// <item>optical blur σ 0.5 px: the softness of an ordinary camera and its scaler, the lowest non-zero step
    /// of the literature's blur sweep; training draws 0-2 px;</item>
    /// <item>no motion blur: motion is its own axis, swept separately when needed;</item>
    /// <item>yaw 15°, pitch 5°, roll 0°: a roadside camera looking slightly down, the ±15° perspective of
    /// fast-plate-ocr and Lorch et al.; the keystone this adds is what the rectifier must undo on real footage;</item>
    /// <item>neutral light (brightness 0, contrast 1, gamma 1, no uneven light): the rectifier standardises
    /// brightness and contrast away, and light would only add variance that the axes do not explain;</item>
    /// <item>click error 2 % of the plate width: about 0.6 px on a 30-px plate, a careful click on a blurred edge;
    /// half of the largest error training sees.</item>
    /// </list>
    /// </summary>
    public static EvaluationGrid Standard { get; } = new(
        [12, 16, 20, 25, 30, 40, 60, 100],
        [-3, 0, 3, 7, 20, null],
        [null, 95, 55, 30, 15, 5],
        Degradations.Clean(100) with { BlurSigmaPx = 0.5, YawDeg = 15, PitchDeg = 5 },
        ClickErrorFraction: 0.02,
        StandardSeed);

    /// <summary>The cells in a fixed order: SNR (outer), then JPEG, then width (inner).</summary>
    public IReadOnlyList<GridCell> Cells
    {
        get
        {
            var cells = new List<GridCell>(WidthsPx.Count * SnrsDb.Count * JpegQualities.Count);
            foreach (var snr in SnrsDb)
            {
                foreach (var jpeg in JpegQualities)
                {
                    foreach (var width in WidthsPx) cells.Add(new GridCell(cells.Count, width, snr, jpeg));
                }
            }
            return cells;
        }
    }

    public int CellCount => WidthsPx.Count * SnrsDb.Count * JpegQualities.Count;

    /// <summary>A cell's complete degradations: the fixed levels with the cell's axes (whatever the spec drew is replaced).</summary>
    public Degradations At(GridCell cell) => Fixed with
    {
        WidthPx = cell.WidthPx,
        SnrDb = cell.SnrDb,
        JpegQuality = cell.JpegQuality,
        ClickErrorPx = ClickErrorFraction * cell.WidthPx,
    };
}
