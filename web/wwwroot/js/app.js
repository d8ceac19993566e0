import { PlateSelection } from "./selection.js";
import { renderResults } from "./results.js";

// The page's three steps. Everything lives in this tab's memory (the picture, the corners, the results, the PDF):
// the server is asked once, at Continue, and keeps nothing; another tab is another, independent reading.
const $ = (id) => document.getElementById(id);
const token = document.querySelector('meta[name="csrf-token"]').content;
const state = { file: null, objectUrl: null, result: null, pdfUrl: null };

function showStep(name) {
  for (const s of ["upload", "select", "results"]) $(`step-${s}`).hidden = s !== name;
  window.scrollTo(0, 0);
}

function showError(message) {
  const e = $("error");
  e.textContent = message ?? "";
  e.hidden = !message;
  // The error sits above the step; Continue is at its bottom: bring the words into view.
  if (message) window.scrollTo(0, 0);
}

// The licence a read consumes, and what is left of it this month (the server's count after each read). A licence
// with no use left cannot be chosen: it is disabled and names the day its count starts again
// (Features/Access/UsesLeftText.cs words it the same way when the page is drawn).
const licence = $("licence");
function usesLeft() { return Number(licence.selectedOptions[0]?.dataset.left ?? 0); }
function showUsesLeft(left) {
  const option = licence.selectedOptions[0];
  if (option && left !== null) {
    option.dataset.left = left;
    if (Number(left) === 0) {
      option.disabled = true;
      option.textContent += ` (no use left until ${$("uses-reset").dataset.reset})`;
      const usable = [...licence.options].find((o) => !o.disabled);
      if (usable) licence.value = usable.value;
    }
  }
  const n = usesLeft();
  $("uses-left").textContent = String(n);
  $("uses-word").textContent = n === 1 ? "use" : "uses";
  $("uses-reset").hidden = n > 0;
  updateUpload();
}
licence.addEventListener("change", () => showUsesLeft(null));

// Step 1: country (templates for information; for a country with states, the US, a state and its formats), and the picture.
const country = $("country");
const stateSelect = $("state");

// The server marks each country's option: whether it has states (data-has-states) and a model (data-has-model).
function chosenState() { return country.selectedOptions[0]?.dataset.hasStates === "true" && stateSelect ? stateSelect.value : ""; }

function chosenFormat() {
  const s = chosenState();
  if (!s) return "";
  const checked = document.querySelector(`input[name="format-${s}"]:checked`);
  return checked ? checked.value : "";
}

function updateUpload() {
  const code = country.value;
  for (const d of document.querySelectorAll("[data-country]")) d.hidden = d.dataset.country !== code;
  const s = chosenState();
  for (const f of document.querySelectorAll(".state-formats")) f.hidden = f.dataset.state !== s;
  const option = country.selectedOptions[0];
  $("no-model").hidden = !code || option.dataset.hasModel === "true";
  $("to-selection").disabled = !code || !state.file || usesLeft() === 0;
}

country.addEventListener("change", updateUpload);
stateSelect?.addEventListener("change", updateUpload);

$("image").addEventListener("change", (e) => {
  showError(null);
  state.file = e.target.files[0] ?? null;
  updateUpload();
});

const selection = new PlateSelection($("canvas"), (s) => {
  $("selection-status").textContent = s.status();
  $("read").disabled = s.problem() !== null;
  $("undo").disabled = s.points.length === 0;
});
window.deepPlate = { selection }; // for the browser tests: picture <-> screen coordinates

$("to-selection").addEventListener("click", () => {
  showError(null);
  if (state.objectUrl) URL.revokeObjectURL(state.objectUrl);
  state.objectUrl = URL.createObjectURL(state.file);
  const img = new Image();
  img.onload = () => { showStep("select"); selection.setImage(img); };
  img.onerror = () => showError("This file is not a picture the browser can show (JPEG, PNG, BMP, WebP or GIF).");
  img.src = state.objectUrl;
});

// Step 2: the corners, the user's own reading, and the one request.
$("clear").addEventListener("click", () => selection.clear());
$("undo").addEventListener("click", () => selection.undo());
$("touch-mode").addEventListener("click", () => {
  const on = !selection.touchMode;
  selection.setTouchMode(on);
  $("touch-mode").setAttribute("aria-pressed", String(on));
  $("touch-mode").textContent = `Touch mode: ${on ? "on (tap to place, drag to move)" : "off"}`;
});
$("select-all").addEventListener("click", () => selection.selectAll());
$("back-to-upload").addEventListener("click", () => { showError(null); showStep("upload"); });

$("read").addEventListener("click", async () => {
  showError(null);
  const body = new FormData();
  body.append("image", state.file, state.file.name);
  body.append("corners", selection.cornersText());
  body.append("country", country.value);
  body.append("state", chosenState());
  body.append("format", chosenFormat());
  body.append("examinerReading", $("examiner-reading").value);
  body.append("caseReference", $("case-reference").value);
  body.append("examiner", $("examiner").value);
  body.append("licence", licence.value);
  const button = $("read");
  button.disabled = true;
  button.textContent = "Reading…";
  try {
    const response = await fetch("/read", { method: "POST", headers: { "X-CSRF-TOKEN": token }, body, credentials: "same-origin" });
    const answer = await response.json().catch(() => null);
    if (!response.ok) {
      showError(answer?.error ?? `The server could not read the plate (HTTP ${response.status}).`);
      return;
    }
    showUsesLeft(response.headers.get("X-Uses-Left"));
    showResults(answer);
  } catch {
    showError("The server could not be reached. Check the connection and try again.");
  } finally {
    button.textContent = "Continue";
    button.disabled = selection.problem() !== null;
  }
});

// Step 3: the reminder first; the tables only on request; the PDF from the same response.
function showResults(answer) {
  state.result = answer;
  if (state.pdfUrl) URL.revokeObjectURL(state.pdfUrl);
  state.pdfUrl = null;
  if (answer.pdf) {
    const bytes = Uint8Array.from(atob(answer.pdf), (c) => c.charCodeAt(0));
    state.pdfUrl = URL.createObjectURL(new Blob([bytes], { type: "application/pdf" }));
  }
  $("generate-pdf").disabled = !state.pdfUrl;
  $("pdf-status").hidden = !!state.pdfUrl;
  $("pdf-status").textContent = state.pdfUrl ? "" : "The PDF report is not available on this server yet.";
  $("results").hidden = true;
  $("show-results").hidden = false;
  showStep("results");
}

$("show-results").addEventListener("click", () => {
  // The tables are built only now, so nothing of the result is on the page before the user asks for it.
  renderResults(state.result.reading, state.result.percent, state.result.validNotes, state.result.fileName);
  $("results").hidden = false;
  $("show-results").hidden = true;
});

$("generate-pdf").addEventListener("click", () => {
  if (!state.pdfUrl) return;
  const a = document.createElement("a");
  a.href = state.pdfUrl;
  a.download = `deepplate-report-${new Date().toISOString().replace(/[:.]/g, "-")}.pdf`;
  document.body.appendChild(a);
  a.click();
  a.remove();
});

$("read-another").addEventListener("click", () => {
  state.result = null;
  $("results").hidden = true;
  $("examiner-reading").value = "";
  selection.clear();
  showStep("upload");
});

updateUpload();
