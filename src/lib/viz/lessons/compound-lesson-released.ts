/**
 * How far the released EfficientNet-B1…B7 are from Equation 3: for each model, the φ each of its
 * multipliers implies on its own (from the playground's `releasedModels`), and the φ its computed
 * MACs imply, log₂(MACs ÷ B0 MACs), since the paper aims for MACs ≈ 2^φ × B0 (§3.3). Laid out as
 * one row of dots per model on a shared φ axis. Pure: released models in, coordinates out.
 */
import type { ReleasedModel } from '../scaling/scaling-released.ts';
import { round1 } from '../charts/scale.ts';

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
