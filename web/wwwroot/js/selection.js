import { cornerProblem, sizeProblem } from "./corners.js";

const NAMES = ["top-left", "top-right", "bottom-right", "bottom-left"];
// How close (CSS pixels) a press must be to a placed corner to grab it rather than pan.
const GRAB_RADIUS = 12;
// A press that moves less than this (CSS pixels) is a click or a tap, not a drag.
const CLICK_SLOP = 4;
// The magnifier: a square of LOUPE_SIZE CSS pixels showing the picture around the point being placed or moved,
// LOUPE_ZOOM screen pixels per picture pixel (square pixels, no smoothing).
const LOUPE_SIZE = 160;
const LOUPE_ZOOM = 8;

// The picture on a canvas, with every way to place the four corners:
// - mouse: wheel zooms around the cursor, left-drag pans, right-click places the next corner (after four, a
//   right-click clears them); a left-drag that starts on a placed corner moves that corner;
// - touch mode (a button; for touch screens, where there is no right button): a tap places the next corner, a drag
//   pans, a drag from a corner moves it;
// - keyboard (the canvas takes focus): before four corners, the arrow keys move a cross-hair by one picture pixel
//   (ten with Shift) and Enter places a corner there; then 1-4 choose a corner and the arrows nudge it by one
//   picture pixel; Backspace (or Ctrl+Z, or the Undo button) removes the last corner; + and - zoom;
// - the view follows the corner being moved or the cross-hair, so what is moved stays in sight, and a magnifier in
//   a corner of the canvas shows the picture pixels around it (while dragging a corner, and while the canvas has
//   the keyboard's focus).
// Corners are kept in the upright picture's pixel coordinates (the browser applies EXIF orientation when it
// decodes, as the server does).
export class PlateSelection {
  constructor(canvas, onChange) {
    this.canvas = canvas;
    this.onChange = onChange;
    this.image = null;
    this.points = [];
    this.wholeImage = false;
    this.selected = -1;
    this.cursor = null;
    this.touchMode = false;
    this.scale = 1;
    this.ox = 0;
    this.oy = 0;
    this.drag = null;
    canvas.tabIndex = 0;
    canvas.addEventListener("contextmenu", (e) => { e.preventDefault(); if (!this.touchMode) this.placeAt(this.local(e)); });
    canvas.addEventListener("wheel", (e) => { e.preventDefault(); this.zoomAt(this.local(e), Math.exp(-e.deltaY * 0.0015)); }, { passive: false });
    canvas.addEventListener("pointerdown", (e) => this.press(e));
    canvas.addEventListener("pointermove", (e) => this.move(e));
    canvas.addEventListener("pointerup", (e) => this.release(e));
    canvas.addEventListener("pointercancel", () => this.stop());
    canvas.addEventListener("keydown", (e) => this.key(e));
    canvas.addEventListener("focus", () => this.draw());
    canvas.addEventListener("blur", () => this.draw());
    new ResizeObserver(() => { this.resize(); }).observe(canvas);
  }

  setImage(image) {
    this.image = image;
    this.points = [];
    this.wholeImage = false;
    this.selected = -1;
    this.cursor = { x: Math.round(this.width / 2), y: Math.round(this.height / 2) };
    this.resize();
    this.fit();
    this.changed();
  }

  get width() { return this.image ? this.image.naturalWidth : 0; }
  get height() { return this.image ? this.image.naturalHeight : 0; }

  // The canvas's CSS pixel size: its drawing buffer follows it (times devicePixelRatio) so the picture stays sharp.
  resize() {
    const r = this.canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.max(1, Math.round(r.width * dpr));
    this.canvas.height = Math.max(1, Math.round(r.height * dpr));
    this.draw();
  }

  fit() {
    if (!this.image) return;
    const r = this.canvas.getBoundingClientRect();
    this.scale = Math.min(r.width / this.width, r.height / this.height) * 0.95;
    this.ox = (r.width - this.width * this.scale) / 2;
    this.oy = (r.height - this.height * this.scale) / 2;
    this.draw();
  }

  // Picture pixels <-> CSS pixels relative to the canvas's top-left corner.
  toScreen(x, y) { return { x: x * this.scale + this.ox, y: y * this.scale + this.oy }; }
  toImage(sx, sy) { return { x: (sx - this.ox) / this.scale, y: (sy - this.oy) / this.scale }; }

  local(e) {
    const r = this.canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  // The placed corner within GRAB_RADIUS of a screen point, or -1.
  cornerNear(s) {
    let best = -1, distance = GRAB_RADIUS;
    this.points.forEach((p, i) => {
      const q = this.toScreen(p.x, p.y);
      const d = Math.hypot(q.x - s.x, q.y - s.y);
      if (d <= distance) { best = i; distance = d; }
    });
    return this.wholeImage ? -1 : best;
  }

  press(e) {
    if (e.button !== 0 || !this.image) return;
    this.canvas.focus();
    const s = this.local(e);
    const corner = this.cornerNear(s);
    this.drag = { x: e.clientX, y: e.clientY, ox: this.ox, oy: this.oy, corner, moved: false };
    if (corner >= 0) this.selected = corner;
    this.canvas.setPointerCapture(e.pointerId);
    this.canvas.classList.add("dragging");
  }

  move(e) {
    if (!this.drag) return;
    const dx = e.clientX - this.drag.x, dy = e.clientY - this.drag.y;
    if (!this.drag.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
    this.drag.moved = true;
    if (this.drag.corner >= 0) {
      const p = this.toImage(this.local(e).x, this.local(e).y);
      this.points[this.drag.corner] = this.clamp(p);
      this.follow(this.points[this.drag.corner]);
      this.changed();
      return;
    }
    this.ox = this.drag.ox + dx;
    this.oy = this.drag.oy + dy;
    this.draw();
  }

  release(e) {
    const drag = this.drag;
    this.stop();
    // A tap in touch mode places the next corner (a tap on a corner only selects it).
    if (drag && !drag.moved && this.touchMode && drag.corner < 0) this.placeAt(this.local(e));
  }

  stop() {
    this.drag = null;
    this.canvas.classList.remove("dragging");
  }

  // Corners stay on the picture (the server allows a pixel outside; dragging past the edge is a slip).
  clamp(p) {
    return { x: Math.round(Math.min(this.width, Math.max(0, p.x)) * 100) / 100, y: Math.round(Math.min(this.height, Math.max(0, p.y)) * 100) / 100 };
  }

  placeAt(s) {
    const p = this.toImage(s.x, s.y);
    this.place({ x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 });
  }

  place(p) {
    if (!this.image) return;
    if (this.points.length >= 4) {
      this.clear();
      return;
    }
    this.wholeImage = false;
    this.points.push(p);
    this.selected = this.points.length - 1;
    this.changed();
  }

  undo() {
    if (this.wholeImage) {
      this.clear();
      return;
    }
    this.points.pop();
    this.selected = this.points.length - 1;
    this.changed();
  }

  setTouchMode(on) {
    this.touchMode = on;
    this.changed();
  }

  key(e) {
    if (!this.image) return;
    const arrows = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (e.key in arrows) {
      e.preventDefault();
      const [dx, dy] = arrows[e.key].map((v) => v * (e.shiftKey ? 10 : 1));
      if (this.points.length < 4 || this.wholeImage) {
        // Placing: the cross-hair moves, Enter places a corner there.
        this.cursor = { x: Math.min(this.width, Math.max(0, this.cursor.x + dx)), y: Math.min(this.height, Math.max(0, this.cursor.y + dy)) };
        this.follow(this.cursor);
        this.changed();
      } else if (this.selected >= 0) {
        const p = this.points[this.selected];
        this.points[this.selected] = this.clamp({ x: p.x + dx, y: p.y + dy });
        this.follow(this.points[this.selected]);
        this.changed();
      }
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (this.points.length < 4 || this.wholeImage) this.place({ ...this.cursor });
    } else if (["1", "2", "3", "4"].includes(e.key) && Number(e.key) <= this.points.length) {
      this.selected = Number(e.key) - 1;
      this.changed();
    } else if (e.key === "Backspace" || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z")) {
      e.preventDefault();
      this.undo();
    } else if (e.key === "+" || e.key === "=" || e.key === "-") {
      e.preventDefault();
      const r = this.canvas.getBoundingClientRect();
      this.zoomAt({ x: r.width / 2, y: r.height / 2 }, e.key === "-" ? 1 / 1.25 : 1.25);
    }
  }

  // Pans so a picture point is at least a margin inside the canvas: the moved corner or cross-hair stays in view.
  follow(p) {
    const r = this.canvas.getBoundingClientRect();
    const margin = Math.min(40, r.width / 4, r.height / 4);
    const s = this.toScreen(p.x, p.y);
    if (s.x < margin) this.ox += margin - s.x;
    if (s.x > r.width - margin) this.ox -= s.x - (r.width - margin);
    if (s.y < margin) this.oy += margin - s.y;
    if (s.y > r.height - margin) this.oy -= s.y - (r.height - margin);
  }

  zoomAt(s, factor) {
    if (!this.image) return;
    const before = this.toImage(s.x, s.y);
    this.scale = Math.min(64, Math.max(0.02, this.scale * factor));
    this.ox = s.x - before.x * this.scale;
    this.oy = s.y - before.y * this.scale;
    this.draw();
  }

  clear() {
    this.points = [];
    this.wholeImage = false;
    this.selected = -1;
    this.changed();
  }

  selectAll() {
    if (!this.image) return;
    this.points = [{ x: 0, y: 0 }, { x: this.width, y: 0 }, { x: this.width, y: this.height }, { x: 0, y: this.height }];
    this.wholeImage = true;
    this.selected = -1;
    this.changed();
  }

  // null when the selection can be read; else what is missing or wrong.
  problem() { return this.image ? cornerProblem(this.points, this.width, this.height) ?? sizeProblem(this.points) : "no picture"; }

  // The corners as the server reads them ("x1,y1 x2,y2 x3,y3 x4,y4"), or "" for the whole picture.
  cornersText() { return this.wholeImage ? "" : this.points.map((p) => `${p.x},${p.y}`).join(" "); }

  status() {
    if (this.wholeImage) {
      const p = this.problem();
      return p ? `The whole picture cannot be read: ${p}.` : "The whole picture is selected (it is already the plate).";
    }
    const how = this.touchMode ? "Tap" : "Right-click (or press Enter at the cross-hair)";
    if (this.points.length < 4) return `${how}: corner ${this.points.length + 1} of 4, the ${NAMES[this.points.length]} corner.`;
    const p = this.problem();
    return p
      ? `These corners cannot be a plate: ${p}. Drag a corner, or undo, to fix them.`
      : `Four corners set: Continue when ready. To correct, drag a corner, or press 1-4 and the arrows (corner ${this.selected + 1} chosen).`;
  }

  changed() {
    this.draw();
    this.onChange(this);
  }

  // The picture point the magnifier shows, or null: the corner being dragged; with the keyboard's focus, the
  // cross-hair while placing, else the chosen corner.
  loupePoint() {
    if (!this.image || this.wholeImage) return null;
    if (this.drag && this.drag.moved && this.drag.corner >= 0) return this.points[this.drag.corner];
    if (document.activeElement !== this.canvas) return null;
    if (this.points.length < 4) return this.cursor;
    return this.selected >= 0 ? this.points[this.selected] : null;
  }

  drawLoupe(ctx, p) {
    const r = this.canvas.getBoundingClientRect();
    const size = Math.min(LOUPE_SIZE, r.width / 3, r.height / 2);
    // Top-right, unless the point itself is there: then top-left.
    const s = this.toScreen(p.x, p.y);
    const x = s.x > r.width - size - 24 && s.y < size + 24 ? 8 : r.width - size - 8;
    const y = 8;
    const span = size / LOUPE_ZOOM;
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, size, size);
    ctx.clip();
    ctx.fillStyle = "#30343a";
    ctx.fillRect(x, y, size, size);
    ctx.imageSmoothingEnabled = false;
    // The picture scaled so that p lands in the middle of the square.
    ctx.drawImage(this.image, x + size / 2 - p.x * LOUPE_ZOOM, y + size / 2 - p.y * LOUPE_ZOOM, this.width * LOUPE_ZOOM, this.height * LOUPE_ZOOM);
    ctx.strokeStyle = "#00e5ff";
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x + size / 2, y); ctx.lineTo(x + size / 2, y + size);
    ctx.moveTo(x, y + size / 2); ctx.lineTo(x + size, y + size / 2);
    ctx.stroke();
    ctx.restore();
    ctx.strokeStyle = "#ffffff";
    ctx.lineWidth = 2;
    ctx.strokeRect(x, y, size, size);
    this.loupeBox = { x, y, size, span };
  }

  draw() {
    const ctx = this.canvas.getContext("2d");
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#30343a";
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    if (!this.image) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // Enlarged pixels stay square: an investigator must see the pixels, not a smoothed guess.
    ctx.imageSmoothingEnabled = this.scale < 1;
    ctx.drawImage(this.image, this.ox, this.oy, this.width * this.scale, this.height * this.scale);
    // The keyboard's cross-hair while corners are being placed and the canvas has focus.
    if (this.cursor && this.points.length < 4 && document.activeElement === this.canvas) {
      const c = this.toScreen(this.cursor.x, this.cursor.y);
      ctx.strokeStyle = "#00e5ff";
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(c.x - 10, c.y); ctx.lineTo(c.x + 10, c.y);
      ctx.moveTo(c.x, c.y - 10); ctx.lineTo(c.x, c.y + 10);
      ctx.stroke();
    }
    this.loupeBox = null;
    const focus = this.loupePoint();
    if (this.points.length === 0) {
      if (focus) this.drawLoupe(ctx, focus);
      return;
    }
    const s = this.points.map((p) => this.toScreen(p.x, p.y));
    const ok = this.points.length === 4 && !this.problem();
    ctx.lineWidth = 2;
    ctx.strokeStyle = ok ? "#2ecc71" : "#f1c40f";
    ctx.beginPath();
    s.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
    if (s.length === 4) ctx.closePath();
    ctx.stroke();
    ctx.font = "bold 13px sans-serif";
    s.forEach((p, i) => {
      ctx.fillStyle = ok ? "#2ecc71" : "#f1c40f";
      ctx.beginPath();
      ctx.arc(p.x, p.y, i === this.selected ? 7 : 5, 0, 2 * Math.PI);
      ctx.fill();
      if (i === this.selected && !this.wholeImage) {
        ctx.strokeStyle = "#ffffff";
        ctx.lineWidth = 2;
        ctx.stroke();
      }
      ctx.fillStyle = "#ffffff";
      ctx.fillText(String(i + 1), p.x + 8, p.y - 8);
    });
    if (focus) this.drawLoupe(ctx, focus);
  }
}
