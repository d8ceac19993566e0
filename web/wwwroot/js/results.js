// The results tables, built from the reading JSON (the same object as `deepplate read --json`). Text is set with
// textContent only: nothing from the response is ever parsed as HTML.
const SHOWN_PER_POSITION = 6;

// Percentages people can read: one decimal from 1 %, two significant digits below, "< 0.0001 %" for the tail;
// never rounded up to certainty (as in the PDF report, inference/Report/ConfidenceText.cs).
function percent(p) {
  const v = p * 100;
  if (v >= 99.95 && v < 100) return "99.9 %";
  if (v >= 1) return v.toFixed(1) + " %";
  if (v < 0.0001) return "< 0.0001 %";
  return v.toPrecision(2) + " %";
}

function row(table, cells, header = false) {
  const tr = table.insertRow();
  for (const c of cells) {
    const cell = document.createElement(header ? "th" : "td");
    cell.textContent = c;
    tr.appendChild(cell);
  }
  return tr;
}

export function renderResults(reading, fileName) {
  const positions = document.getElementById("positions-table");
  positions.replaceChildren();
  const head = ["Position"];
  for (let i = 1; i <= SHOWN_PER_POSITION; i++) head.push(i === 1 ? "Most likely" : `#${i}`);
  row(positions, head, true);
  reading.positions.forEach((list, i) => {
    const cells = [String(i + 1)];
    for (let k = 0; k < SHOWN_PER_POSITION; k++) {
      const c = list[k];
      cells.push(c ? `${c.char === "" ? "(none)" : c.char}  ${percent(c.confidence)}` : "");
    }
    row(positions, cells);
  });

  const candidates = document.getElementById("candidates-table");
  candidates.replaceChildren();
  row(candidates, ["Rank", "Plate", "Confidence"], true);
  reading.candidates.forEach((c, i) => row(candidates, [String(i + 1), c.plate, percent(c.confidence)]));

  const valid = document.getElementById("valid-table");
  valid.replaceChildren();
  document.getElementById("valid-section").hidden = reading.valid.length === 0;
  if (reading.valid.length > 0) {
    row(valid, ["Rank", "Plate", "Format", "Confidence"], true);
    reading.valid.forEach((v, i) => row(valid, [String(i + 1), v.plate, v.name, percent(v.confidence)]));
  }

  const scope = [reading.country.toUpperCase(), reading.state ? `state ${reading.state.toUpperCase()}` : null, reading.format ? `format ${reading.format}` : null]
    .filter(Boolean).join(", ");
  document.getElementById("results-summary").textContent =
    `${fileName} (SHA-256 ${reading.sha256.slice(0, 16)}…), ${scope}; model ${reading.model.id}. "(none)": no character at that position.`;
}
