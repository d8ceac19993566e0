import { cornerProblem, sizeProblem } from "./corners.js";

const NAMES = ["top-left", "top-right", "bottom-right", "bottom-left"];

// The picture on a canvas: wheel zooms around the cursor, left-drag pans, right-click places the next corner
// (after four, a right-click clears them). Corners are kept in the upright picture's pixel coordinates (the
// browser applies EXIF orientation when it decodes, as the server does).
export class PlateSelection {
  constructor(canvas, onChange) {
    this.canvas = canvas;
    this.onChange = onChange;
    this.image = null;
    this.points = [];
    this.wholeImage = false;
    this.scale = 1;
    this.ox = 0;
    this.oy = 0;
    this.drag = null;
    canvas.addEventListener("contextmenu", (e) => { e.preventDefault(); this.rightClick(e); });
    canvas.addEventListener("wheel", (e) => { e.preventDefault(); this.zoom(e); }, { passive: false });
    canvas.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      this.drag = { x: e.clientX, y: e.clientY, ox: this.ox, oy: this.oy };
      canvas.setPointerCapture(e.pointerId);
      canvas.classList.add("dragging");
    });
    canvas.addEventListener("pointermove", (e) => {
      if (!this.drag) return;
      this.ox = this.drag.ox + (e.clientX - this.drag.x);
      this.oy = this.drag.oy + (e.clientY - this.drag.y);
      this.draw();
    });
    const stop = () => { this.drag = null; canvas.classList.remove("dragging"); };
    canvas.addEventListener("pointerup", stop);
    canvas.addEventListener("pointercancel", stop);
    new ResizeObserver(() => { this.resize(); }).observe(canvas);
  }

  setImage(image) {
    this.image = image;
    this.points = [];
    this.wholeImage = false;
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

  rightClick(e) {
    if (!this.image) return;
    if (this.points.length >= 4) {
      this.clear();
      return;
    }
    const s = this.local(e);
    const p = this.toImage(s.x, s.y);
    this.wholeImage = false;
    this.points.push({ x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 });
    this.changed();
  }

  zoom(e) {
    if (!this.image) return;
    const s = this.local(e);
    const before = this.toImage(s.x, s.y);
    const factor = Math.exp(-e.deltaY * 0.0015);
    this.scale = Math.min(64, Math.max(0.02, this.scale * factor));
    this.ox = s.x - before.x * this.scale;
    this.oy = s.y - before.y * this.scale;
    this.draw();
  }

  clear() {
    this.points = [];
    this.wholeImage = false;
    this.changed();
  }

  selectAll() {
    if (!this.image) return;
    this.points = [{ x: 0, y: 0 }, { x: this.width, y: 0 }, { x: this.width, y: this.height }, { x: 0, y: this.height }];
    this.wholeImage = true;
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
    if (this.points.length < 4) return `Right-click corner ${this.points.length + 1} of 4: the ${NAMES[this.points.length]} corner.`;
    const p = this.problem();
    return p ? `These corners cannot be a plate: ${p}. Right-click to clear them and start again.` : "Four corners set. Continue when ready (a right-click clears them).";
  }

  changed() {
    this.draw();
    this.onChange(this);
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
    if (this.points.length === 0) return;
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
      ctx.arc(p.x, p.y, 5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = "#ffffff";
      ctx.fillText(String(i + 1), p.x + 7, p.y - 7);
    });
  }
}
