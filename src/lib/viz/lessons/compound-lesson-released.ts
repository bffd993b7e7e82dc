/**
 * How far the released EfficientNet-B1…B7 are from Equation 3: for each model, the φ each of its
 * multipliers implies on its own (from the playground's `releasedModels`), and the φ its computed
 * MACs imply, log₂(MACs ÷ B0 MACs), since the paper aims for MACs ≈ 2^φ × B0 (§3.3). Laid out as
 * one row of dots per model on a shared φ axis. Pure: released models in, coordinates and marks out
 * (CompoundReleased.astro draws them with <Marks>).
 */
import type { ReleasedModel } from '../scaling/scaling-released.ts';
import { linearScale, round1 } from '../charts/scale.ts';
import { axisMarks } from '../charts/axes.ts';
import type { Mark, Scene } from '../kit/marks.ts';

export interface ReleasedPhiRow {
  readonly id: string;
  readonly label: string;
  readonly y: number;
  readonly phiDepth: number;
  readonly phiWidth: number;
  readonly phiResolution: number;
  /** log₂(MACs ÷ B0 MACs). */
  readonly phiMacs: number;
  readonly x: { readonly depth: number; readonly width: number; readonly resolution: number; readonly macs: number };
  /** Largest minus smallest of the three per-dimension φ: 0 would mean the model follows Equation 3 exactly. */
  readonly spread: number;
}

export interface ReleasedPhiLayout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly rows: readonly ReleasedPhiRow[];
  readonly ticks: readonly { readonly phi: number; readonly x: number }[];
}

export function releasedPhiLayout(models: readonly ReleasedModel[], width = 560, rowHeight = 28): ReleasedPhiLayout {
  if (models.length === 0) throw new RangeError('releasedPhiLayout needs at least one model');
  const base = models[0].macs;
  const left = 48;
  const right = width - 16;
  const top = 26;
  const maxPhi = Math.ceil(
    Math.max(8, ...models.flatMap((m) => [m.phiDepth, m.phiWidth, m.phiResolution, Math.log2(m.macs / base)])),
  );
  const x = (phi: number) => round1(left + (Math.max(0, phi) / maxPhi) * (right - left));
  const rows = models.map((m, i) => {
    const phiMacs = Math.log2(m.macs / base);
    const phis = [m.phiDepth, m.phiWidth, m.phiResolution];
    return {
      id: m.id,
      label: m.label,
      y: top + i * rowHeight,
      phiDepth: m.phiDepth,
      phiWidth: m.phiWidth,
      phiResolution: m.phiResolution,
      phiMacs,
      x: { depth: x(m.phiDepth), width: x(m.phiWidth), resolution: x(m.phiResolution), macs: x(phiMacs) },
      spread: Math.max(...phis) - Math.min(...phis),
    };
  });
  const ticks = Array.from({ length: maxPhi + 1 }, (_, phi) => ({ phi, x: x(phi) }));
  return { width, height: top + models.length * rowHeight, left, right, rows, ticks };
}

/**
 * The chart as marks: the φ axis on top with a gridline per whole φ, then per model its name, the
 * span between its three per-dimension φ, a dot (depth), a square (width) and a triangle
 * (resolution), and a bar at the φ its MACs imply.
 */
export function releasedPhiScene(l: ReleasedPhiLayout): Scene {
  const x = linearScale([l.ticks[0].phi, l.ticks.at(-1)!.phi], [l.left, l.right]);
  const phis = l.ticks.map((t) => t.phi);
  const marks: Mark[] = [
    ...l.ticks.map((t): Mark => ({
      kind: 'line',
      key: `grid-${t.phi}`,
      class: 'grid',
      x1: t.x,
      x2: t.x,
      y1: 19,
      y2: l.height - 6,
    })),
    ...axisMarks(x, { orient: 'top', at: 19, tickValues: phis, format: String, tickSize: 0, key: 'phi' }),
  ];
  for (const r of l.rows) {
    const { depth, width, resolution, macs } = r.x;
    const data = { model: r.id };
    marks.push(
      {
        kind: 'text',
        key: `label-${r.id}`,
        class: 'label',
        x: l.left - 10,
        y: r.y + 5,
        anchor: 'end',
        text: r.label,
        data,
      },
      {
        kind: 'line',
        key: `span-${r.id}`,
        class: 'span',
        x1: Math.min(depth, width, resolution),
        x2: Math.max(depth, width, resolution),
        y1: r.y,
        y2: r.y,
      },
      { kind: 'circle', key: `d-${r.id}`, class: 'd', cx: depth, cy: r.y, r: 5, data },
      { kind: 'rect', key: `w-${r.id}`, class: 'w', x: width - 4.5, y: r.y - 4.5, width: 9, height: 9, data },
      { kind: 'path', key: `r-${r.id}`, class: 'r', d: `M${resolution},${r.y - 6}l6,10h-12z`, data },
      { kind: 'line', key: `m-${r.id}`, class: 'm', x1: macs, x2: macs, y1: r.y - 8, y2: r.y + 8 },
    );
  }
  return {
    width: l.width,
    height: l.height,
    label:
      'For each of B0 to B7, the φ implied by its depth, width and resolution multipliers and by its MACs; the three multipliers disagree more and more from B2 on.',
    marks,
  };
}
