/**
 * The widget kit's Scene (the BRIEF's interface for src/lib/viz/kit/marks.ts), declared here until
 * the kit lands: the MobileNetV3 lesson's layouts return these marks, and the static and the
 * client renderer both map a mark to SVG attributes through `markAttributes`, so no geometry is
 * written twice. The shapes are the kit's, so the layouts move to the kit by changing one import.
 */
interface MarkBase { key: string; class?: string; title?: string; data?: Record<string, string | number> }
export interface RectMark extends MarkBase { kind: 'rect'; x: number; y: number; width: number; height: number; rx?: number; fill?: string }
export interface LineMark extends MarkBase { kind: 'line'; x1: number; y1: number; x2: number; y2: number }
export interface PathMark extends MarkBase { kind: 'path'; d: string; fill?: string }
export interface CircleMark extends MarkBase { kind: 'circle'; cx: number; cy: number; r: number; fill?: string }
export interface TextMark extends MarkBase {
  kind: 'text'; x: number; y: number; text: string;
  anchor?: 'start' | 'middle' | 'end'; baseline?: 'auto' | 'middle' | 'hanging';
}
export type Mark = RectMark | LineMark | PathMark | CircleMark | TextMark;
/** What a layout function returns: one SVG's worth of marks, in paint order. */
export interface Scene { width: number; height: number; label: string; marks: readonly Mark[] }

const r2 = (v: number): number => Math.round(v * 100) / 100;

/** The one mapping from a mark to SVG attributes (numbers rounded to 0.01 so renders are deterministic). */
export function markAttributes(m: Mark): Record<string, string | number> {
  const a: Record<string, string | number> = {};
  if (m.class) a.class = m.class;
  if (m.data) for (const [k, v] of Object.entries(m.data)) a[`data-${k}`] = v;
  switch (m.kind) {
    case 'rect':
      Object.assign(a, { x: r2(m.x), y: r2(m.y), width: r2(Math.max(0, m.width)), height: r2(Math.max(0, m.height)) });
      if (m.rx !== undefined) a.rx = m.rx;
      if (m.fill) a.fill = m.fill;
      break;
    case 'line':
      Object.assign(a, { x1: r2(m.x1), y1: r2(m.y1), x2: r2(m.x2), y2: r2(m.y2) });
      break;
    case 'path':
      a.d = m.d;
      if (m.fill) a.fill = m.fill;
      break;
    case 'circle':
      Object.assign(a, { cx: r2(m.cx), cy: r2(m.cy), r: r2(m.r) });
      if (m.fill) a.fill = m.fill;
      break;
    case 'text':
      Object.assign(a, { x: r2(m.x), y: r2(m.y) });
      if (m.anchor) a['text-anchor'] = m.anchor;
      if (m.baseline && m.baseline !== 'auto') a['dominant-baseline'] = m.baseline;
      break;
  }
  return a;
}
