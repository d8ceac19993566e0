// The results tables, built from the reading JSON (the same object as `deepplate read --json`). Text is set with
// textContent only: nothing from the response is ever parsed as HTML. Confidences are shown as the server wrote
// them (`percent`, the PDF report's own rule, inference/Report/ConfidenceText.cs): the page has no rule of its
// own, so screen and paper always say the same. A valid plate's note (why a format rule ranks it lower than its
// confidence) comes written by the report's rule too (`validNotes`); its words come from the format files, so it is
// text, never markup, like everything else here.
const SHOWN_PER_POSITION = 6;

function row(table, cells, header = false) {
  const tr = table.insertRow();
  for (const c of cells) {
    const cell = document.createElement(header ? "th" : "td");
    cell.textContent = c;
    tr.appendChild(cell);
  }
  return tr;
}

export function renderResults(reading, percent, validNotes, fileName) {
  const positions = document.getElementById("positions-table");
  positions.replaceChildren();
  const head = ["Position"];
  for (let i = 1; i <= SHOWN_PER_POSITION; i++) head.push(i === 1 ? "Most likely" : `#${i}`);
  row(positions, head, true);
  reading.positions.forEach((list, i) => {
    const cells = [String(i + 1)];
    for (let k = 0; k < SHOWN_PER_POSITION; k++) {
      const c = list[k];
      cells.push(c ? `${c.char === "" ? "(none)" : c.char}  ${percent.positions[i][k]}` : "");
    }
    row(positions, cells);
  });

  const candidates = document.getElementById("candidates-table");
  candidates.replaceChildren();
  row(candidates, ["Rank", "Plate", "Confidence"], true);
  reading.candidates.forEach((c, i) => row(candidates, [String(i + 1), c.plate, percent.candidates[i]]));

  const valid = document.getElementById("valid-table");
  valid.replaceChildren();
  document.getElementById("valid-section").hidden = reading.valid.length === 0;
  if (reading.valid.length > 0) {
    // The Note column only when a plate has one: an ordinary reading's table stays as it always was.
    const noted = validNotes.some((n) => n !== null);
    row(valid, ["Rank", "Plate", "Format", "Confidence", ...(noted ? ["Note"] : [])], true);
    reading.valid.forEach((v, i) => {
      const tr = row(valid, [String(i + 1), v.plate, v.name, percent.valid[i], ...(noted ? [validNotes[i] ?? ""] : [])]);
      if (noted) tr.lastChild.className = "plate-note";
    });
  }

  const scope = [reading.country.toUpperCase(), reading.state ? `state ${reading.state.toUpperCase()}` : null, reading.format ? `format ${reading.format}` : null]
    .filter(Boolean).join(", ");
  document.getElementById("results-summary").textContent =
    `${fileName} (SHA-256 ${reading.sha256.slice(0, 16)}…), ${scope}; model ${reading.model.id}. "(none)": no character at that position.`;
}
