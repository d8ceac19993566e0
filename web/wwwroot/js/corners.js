// The rules of inference/Preprocessing/PlateCorners.cs, mirrored so Continue is enabled only for corners the
// server will accept (it checks them again). Returns null when the four corners can be a plate, else why not.
const OUTSIDE_TOLERANCE = 1;
const MIN_DISTANCE = 0.5;
const COLLINEAR_SINE = 0.017452406; // sin(1°)

const cross = (a, b) => a.x * b.y - a.y * b.x;
const sub = (a, b) => ({ x: a.x - b.x, y: a.y - b.y });
const len = (a) => Math.hypot(a.x, a.y);

function crosses(p, q, r, s) {
  const d1 = cross(sub(q, p), sub(r, p)), d2 = cross(sub(q, p), sub(s, p));
  const d3 = cross(sub(s, r), sub(p, r)), d4 = cross(sub(s, r), sub(q, r));
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

export function cornerProblem(c, width, height) {
  if (c.length !== 4) return `${c.length} of 4 corners set`;
  for (let i = 0; i < 4; i++) {
    const p = c[i];
    if (p.x < -OUTSIDE_TOLERANCE || p.y < -OUTSIDE_TOLERANCE || p.x > width + OUTSIDE_TOLERANCE || p.y > height + OUTSIDE_TOLERANCE) {
      return `corner ${i + 1} is outside the picture`;
    }
  }
  for (let i = 0; i < 4; i++) {
    for (let j = i + 1; j < 4; j++) if (len(sub(c[i], c[j])) < MIN_DISTANCE) return `corners ${i + 1} and ${j + 1} are the same point`;
  }
  for (let i = 0; i < 4; i++) {
    const a = c[(i + 3) % 4], b = c[i], d = c[(i + 1) % 4];
    if (Math.abs(cross(sub(b, a), sub(d, b))) <= COLLINEAR_SINE * len(sub(b, a)) * len(sub(d, b))) return `corners ${(i + 3) % 4 + 1}, ${i + 1} and ${(i + 1) % 4 + 1} lie on one line`;
  }
  if (crosses(c[0], c[1], c[2], c[3]) || crosses(c[1], c[2], c[3], c[0])) return "the edges cross: give the corners clockwise from the top-left";
  let area = 0;
  for (let i = 0; i < 4; i++) area += cross(c[i], c[(i + 1) % 4]);
  if (area < 0) return "the corners run counter-clockwise: start top-left and go clockwise";
  for (let i = 0; i < 4; i++) {
    if (cross(sub(c[i], c[(i + 3) % 4]), sub(c[(i + 1) % 4], c[i])) < 0) return `corner ${i + 1} points inwards: the corners must form a convex shape`;
  }
  return null;
}

// The smallest plate the server reads (web/Features/Reading/PlateSize.cs, the same numbers): the mean of the top and
// bottom edges at least MIN_WIDTH picture pixels, of the left and right edges at least MIN_HEIGHT. Below that the
// server refuses the read (and charges nothing); here Continue stays disabled and the status says why.
export const MIN_WIDTH = 24;
export const MIN_HEIGHT = 8;

export function sizeProblem(c) {
  if (c.length !== 4) return null;
  const width = (len(sub(c[1], c[0])) + len(sub(c[2], c[3]))) / 2;
  const height = (len(sub(c[3], c[0])) + len(sub(c[2], c[1]))) / 2;
  if (width >= MIN_WIDTH - 1e-3 && height >= MIN_HEIGHT - 1e-3) return null;
  return `the plate is too small to read (about ${Math.round(width)} x ${Math.round(height)} pixels; at least ${MIN_WIDTH} wide and ${MIN_HEIGHT} high)`;
}
