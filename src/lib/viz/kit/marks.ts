/**
 * Marks: what a widget's pure layout function returns and the one renderer draws, after Observable
 * Plot's marks (`src/marks/*.js`): data in, marks out, one renderer. A layout function (in
 * `src/lib/viz/<room>/`) turns the widget's state into a `Scene`; `<Marks scene={…} />` renders it
 * to static SVG at build time and `renderMarks(svg, scene)` updates the same SVG in the browser, so
 * no geometry is written twice. Both go through `markAttributes`, the one mark → attribute mapping.
 *
 * @example
 * // src/lib/viz/lessons/dots.ts — pure, unit-tested without a DOM
 * export function dotsScene(n: number): Scene {
 *   const marks: Mark[] = Array.from({ length: n }, (_, i) => ({
 *     kind: 'circle', key: `dot-${i}`, class: 'dot', cx: 10 + 20 * i, cy: 10, r: 8, title: `dot ${i + 1}`,
 *   }));
 *   return { width: 20 * n, height: 20, label: `${n} dots`, marks };
 * }
 * // Dots.astro:   <Figure caption="…"><Controls controls={…} /><Marks scene={dotsScene(3)} class="dots" /></Figure>
 * // dots-element.ts (in the browser): renderMarks(this.querySelector('svg.dots')!, dotsScene(n));
 *
 * Keys: a mark is identified by kind + key, so a redraw moves, restyles or removes the element that
 * showed the same thing instead of rebuilding the SVG (focus and CSS transitions survive).
 * Styling: marks carry classes; colours live in CSS (kit.css or the widget's own <style>), except
 * `fill` for data-driven colours (heatmaps).
 */

interface MarkBase {
  /** Unique within the scene for its kind. */
  key: string;
  class?: string;
  /** Tooltip and accessible name: rendered as a <title> child. */
  title?: string;
  /** Rendered as data-* attributes (test hooks, values a click handler reads back). */
  data?: Record<string, string | number>;
}
export interface RectMark extends MarkBase {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  rx?: number;
  fill?: string;
}
export interface LineMark extends MarkBase {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface PathMark extends MarkBase {
  kind: 'path';
  d: string;
  fill?: string;
}
export interface CircleMark extends MarkBase {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill?: string;
}
export interface TextMark extends MarkBase {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  anchor?: 'start' | 'middle' | 'end';
  baseline?: 'auto' | 'middle' | 'hanging';
  /** Degrees clockwise about (x, y), e.g. −90 for a y-axis title. */
  rotate?: number;
}
export type Mark = RectMark | LineMark | PathMark | CircleMark | TextMark;

/**
 * A tile repeated to fill a shape (an SVG <pattern> in the scene's <defs>), e.g. the hatching
 * MobileNetV2's Figure 3 puts on linear tensors. A mark uses it with `fill: patternFill(id)`.
 * The id is page-wide (SVG ids are), so a widget that can appear twice passes a unique one.
 */
export interface PatternDef {
  id: string;
  width: number;
  height: number;
  /** Degrees the tile is turned, e.g. 45 for diagonal hatching. */
  rotate?: number;
  marks: readonly Mark[];
}

/** What a layout function returns: one SVG's worth of marks, in paint order. */
export interface Scene {
  width: number;
  height: number;
  /** The SVG's accessible name (aria-label). */
  label: string;
  marks: readonly Mark[];
  /** Fills the marks may use (rendered first, in <defs>). */
  patterns?: readonly PatternDef[];
}

/** The attribute every rendered mark carries so the client renderer can match it by kind + key. */
export const MARK_KEY_ATTRIBUTE = 'data-mark';

/** The identity the renderer joins on: kind + key. */
export function markKey(m: Mark): string {
  return `${m.kind}:${m.key}`;
}

/**
 * Coordinates rounded to 1/100 of a unit: invisible on screen, and it keeps the static HTML
 * deterministic (no 0.30000000000000004), as Observable Plot rounds its SVG snapshots.
 */
function round(v: number): number {
  if (!Number.isFinite(v)) throw new RangeError(`a mark coordinate must be a finite number, got ${v}`);
  return Math.round(v * 100) / 100 || 0;
}

/** The ONE mapping from a mark to SVG attributes, used by the static and the client renderer. */
export function markAttributes(m: Mark): Record<string, string | number> {
  const a: Record<string, string | number> = { [MARK_KEY_ATTRIBUTE]: markKey(m) };
  if (m.class) a.class = m.class;
  switch (m.kind) {
    case 'rect':
      Object.assign(a, {
        x: round(m.x),
        y: round(m.y),
        width: round(Math.max(0, m.width)),
        height: round(Math.max(0, m.height)),
      });
      if (m.rx !== undefined) a.rx = round(m.rx);
      if (m.fill !== undefined) a.fill = m.fill;
      break;
    case 'line':
      Object.assign(a, { x1: round(m.x1), y1: round(m.y1), x2: round(m.x2), y2: round(m.y2) });
      break;
    case 'path':
      a.d = m.d;
      if (m.fill !== undefined) a.fill = m.fill;
      break;
    case 'circle':
      Object.assign(a, { cx: round(m.cx), cy: round(m.cy), r: round(Math.max(0, m.r)) });
      if (m.fill !== undefined) a.fill = m.fill;
      break;
    case 'text':
      Object.assign(a, { x: round(m.x), y: round(m.y) });
      if (m.anchor !== undefined) a['text-anchor'] = m.anchor;
      if (m.baseline !== undefined) a['dominant-baseline'] = m.baseline;
      if (m.rotate) a.transform = `rotate(${round(m.rotate)} ${round(m.x)} ${round(m.y)})`;
      break;
  }
  for (const [k, v] of Object.entries(m.data ?? {})) {
    if (!/^[a-z][a-z0-9-]*$/.test(k))
      throw new RangeError(`mark ${markKey(m)}: data key "${k}" is not a valid data-* name`);
    a[`data-${k}`] = v;
  }
  return a;
}

/** The fill value that paints a shape with a scene's pattern. */
export function patternFill(id: string): string {
  return `url(#${id})`;
}

/** A <pattern>'s attributes: user-space tiles, so the hatching has one density on every shape. */
export function patternAttributes(p: PatternDef): Record<string, string | number> {
  if (!/^[A-Za-z][\w-]*$/.test(p.id))
    throw new RangeError(`pattern id "${p.id}" must start with a letter and hold only letters, digits, - and _`);
  const a: Record<string, string | number> = {
    id: p.id,
    width: round(p.width),
    height: round(p.height),
    patternUnits: 'userSpaceOnUse',
  };
  if (p.rotate) a.patternTransform = `rotate(${round(p.rotate)})`;
  return a;
}

/** The <svg> element's own attributes for a scene (viewBox, size, accessible name). */
export function sceneAttributes(scene: Scene): Record<string, string | number> {
  return {
    viewBox: `0 0 ${round(scene.width)} ${round(scene.height)}`,
    width: round(scene.width),
    height: round(scene.height),
    role: 'img',
    'aria-label': scene.label,
  };
}

/** Throws when two marks share kind + key (the renderer would silently drop one). */
export function checkScene(scene: Scene): Scene {
  const seen = new Set<string>();
  for (const m of scene.marks) {
    const k = markKey(m);
    if (seen.has(k)) throw new RangeError(`scene "${scene.label}": two marks share the key ${k}`);
    seen.add(k);
  }
  const ids = new Set<string>();
  for (const p of scene.patterns ?? []) {
    if (ids.has(p.id)) throw new RangeError(`scene "${scene.label}": two patterns share the id ${p.id}`);
    ids.add(p.id);
    checkScene({ width: p.width, height: p.height, label: `${scene.label}, pattern ${p.id}`, marks: p.marks });
  }
  return scene;
}
