/**
 * Multiply-adds against bytes moved, per layer: the roofline view of a model (Williams, Waterman &
 * Patterson, "Roofline", CACM 2009, §2). A layer's arithmetic intensity is its MACs divided by the
 * bytes it must at least read and write (input activations, weights, output activations, float32,
 * each moved once). A device that can do `balance` MACs per byte of memory traffic runs a layer in
 *   time = max(MACs, bytes · balance)      (in units of one MAC slot)
 * so a layer whose intensity is below the balance waits on memory, whatever its MAC count.
 * Pure: fed by the engine's `analyze` (published.md §1 counting), read by lesson 1's diagram.
 */
import type { Analysis, LayerStats } from '../../engine/index.ts';

/** How a layer is classified for the lessons' colours and answers. */
export type LayerKind = 'stem' | 'conv' | 'depthwise' | 'pointwise' | 'se' | 'linear';

export const LAYER_KINDS: readonly LayerKind[] = ['stem', 'conv', 'depthwise', 'pointwise', 'se', 'linear'];

export const LAYER_KIND_LABEL: Record<LayerKind, string> = {
  stem: 'stem (full 3×3)',
  conv: 'full conv',
  depthwise: 'depthwise',
  pointwise: 'pointwise 1×1',
  se: 'squeeze-excite',
  linear: 'classifier / linear',
};

export interface LayerTraffic {
  readonly node: string;
  readonly scope: string;
  readonly kind: LayerKind;
  readonly macs: number;
  readonly params: number;
  /** float32 bytes of the activations read (the first input). */
  readonly inputBytes: number;
  /** float32 bytes of the weights and bias read. */
  readonly weightBytes: number;
  /** float32 bytes written. */
  readonly outputBytes: number;
  readonly bytes: number;
  /** MACs per byte moved. */
  readonly intensity: number;
}

const F32 = 4;
const count = (dims: readonly number[]): number => dims.reduce((a, b) => a * b, 1);

/** The kind of a Conv/Gemm/MatMul layer from its shapes and scope (timm module names). */
export function layerKind(l: LayerStats): LayerKind {
  if (l.opType !== 'Conv') return 'linear';
  if (/(^|\.)se\./.test(l.scope)) return 'se';
  if (/(^|\.)conv_stem$/.test(l.scope) || l.scope === 'stem' || l.scope.startsWith('stem.')) return 'stem';
  const cin = l.inputDims[0]?.[1] ?? 0;
  const group = l.group ?? 1;
  if (group > 1 && group === cin) return 'depthwise';
  const k = l.kernel ?? [];
  if (group === 1 && k.every((v) => v === 1)) return 'pointwise';
  return 'conv';
}

/** Bytes and intensity of one analysed layer. */
export function layerTraffic(l: LayerStats): LayerTraffic {
  const inputBytes = F32 * count(l.inputDims[0] ?? []);
  const weightBytes = F32 * l.inputDims.slice(1).reduce((s, d) => s + (d.length ? count(d) : 0), 0);
  const outputBytes = F32 * l.outputDims.reduce((s, d) => s + count(d), 0);
  const bytes = inputBytes + weightBytes + outputBytes;
  return {
    node: l.node,
    scope: l.scope,
    kind: layerKind(l),
    macs: l.macs,
    params: l.params,
    inputBytes,
    weightBytes,
    outputBytes,
    bytes,
    intensity: bytes > 0 ? l.macs / bytes : 0,
  };
}

/** Every layer that does multiply-adds, in graph order. */
export function modelTraffic(a: Analysis): LayerTraffic[] {
  return a.layers.filter((l) => l.macs > 0).map(layerTraffic);
}

/** Roofline time of a layer, in MAC slots, on a device doing `balance` MACs per byte. */
export function rooflineTime(l: Pick<LayerTraffic, 'macs' | 'bytes'>, balance: number): number {
  if (!(balance > 0)) throw new RangeError(`machine balance must be positive, got ${balance}`);
  return Math.max(l.macs, l.bytes * balance);
}

export interface KindShare {
  readonly kind: LayerKind;
  readonly layers: number;
  readonly macs: number;
  /** Share of the model's MACs, 0–1. */
  readonly macShare: number;
  /** Share of the model's roofline time, 0–1. */
  readonly timeShare: number;
  /** Layers of this kind that are memory-bound at this balance. */
  readonly memoryBound: number;
}

export interface RooflineSummary {
  readonly balance: number;
  readonly kinds: KindShare[];
  readonly memoryBoundLayers: number;
  readonly totalLayers: number;
  /** Share of the time spent in memory-bound layers, 0–1. */
  readonly memoryBoundTimeShare: number;
  /** Roofline time over MACs: 1 when every layer is compute-bound. */
  readonly slowdown: number;
}

/** Shares of MACs and of roofline time per layer kind, at one machine balance. */
export function rooflineSummary(layers: readonly LayerTraffic[], balance: number): RooflineSummary {
  const times = layers.map((l) => rooflineTime(l, balance));
  const totalTime = times.reduce((a, b) => a + b, 0);
  const totalMacs = layers.reduce((a, l) => a + l.macs, 0);
  const bound = layers.map((l) => l.intensity < balance);
  const kinds: KindShare[] = [];
  for (const kind of LAYER_KINDS) {
    const idx = layers.map((l, i) => (l.kind === kind ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) continue;
    const macs = idx.reduce((s, i) => s + layers[i].macs, 0);
    kinds.push({
      kind,
      layers: idx.length,
      macs,
      macShare: totalMacs ? macs / totalMacs : 0,
      timeShare: totalTime ? idx.reduce((s, i) => s + times[i], 0) / totalTime : 0,
      memoryBound: idx.filter((i) => bound[i]).length,
    });
  }
  const boundTime = times.reduce((s, t, i) => s + (bound[i] ? t : 0), 0);
  return {
    balance,
    kinds,
    memoryBoundLayers: bound.filter(Boolean).length,
    totalLayers: layers.length,
    memoryBoundTimeShare: totalTime ? boundTime / totalTime : 0,
    slowdown: totalMacs ? totalTime / totalMacs : 1,
  };
}
