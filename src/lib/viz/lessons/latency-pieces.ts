/**
 * What a device-latency figure asks its worker to time, as data: a **target** is a model spec in
 * the zoo's grammar (src/lib/models/spec.ts; a zoo model's spec, or one a lesson rebuilt, such as
 * MobileNetV3's original last stage or a Table 3 variant of EfficientNetV2) with the cuts to time
 * it at. The worker builds the spec with the zoo's one builder, cuts it here, and times the pieces;
 * the build runs the same functions to list the pieces and their MACs before anything is timed.
 *
 * Cuts beyond block-latency.ts's blocks and layers:
 * - `stage`: the stem, one piece per stage (timm's `blocks.<i>`, all its blocks), the head;
 * - `tail`: one piece of everything from stage `from` on, head included (MobileNetV3 Figure 5's
 *   "last stage": the final blocks, the feature layer, the pool and the classifier);
 * - `model`: the whole network as one piece;
 * - `sample`: the first two blocks of every stage. After its first block (which changes stride and
 *   channels) a stage repeats one block shape, so its time is the first block's plus (repeats − 1)
 *   times the second's (`stageTimes`): every block's time measured, a stage's composed. This keeps
 *   a stage of 85 M weights (EfficientNet-B4 stage 6 all fused) from being built whole.
 */
import { analyze, type Graph } from '../../engine/index.ts';
import { buildFromSpec, type ModelSpec } from '../../models/index.ts';
import { latencyUnits, piecesFromDrafts, type Draft, type LatencyUnit, type UnitTiming } from './block-latency.ts';

export type PieceCut =
  | { readonly kind: 'block' }
  | { readonly kind: 'layer' }
  | { readonly kind: 'stage' }
  | { readonly kind: 'tail'; readonly from: number }
  | { readonly kind: 'model' }
  | { readonly kind: 'sample' };

export interface LatencyTarget {
  /** Names the target in piece keys (`<id>/<scope>`): unique within one measurement. */
  readonly id: string;
  readonly spec: ModelSpec;
  readonly cuts: readonly PieceCut[];
}

const BLOCK_STAGE = /^blocks\.(\d+)\./;

function stageOf(scope: string): number | undefined {
  const m = BLOCK_STAGE.exec(`${scope}.`);
  return m ? Number(m[1]) : undefined;
}

/** The graph's nodes (Constants aside) grouped by a key function, consecutive runs of one key merged. */
function runs(graph: Graph, key: (scope: string, seenBlock: boolean) => Omit<Draft, 'nodes' | 'part'>): Draft[] {
  const out: Draft[] = [];
  let seenBlock = false;
  for (const node of graph.nodes) {
    if (node.opType === 'Constant') continue;
    if (stageOf(node.scope) !== undefined) seenBlock = true;
    const k = key(node.scope, seenBlock);
    const last = out[out.length - 1];
    if (last && last.scope === k.scope) last.nodes.push(node);
    else out.push({ ...k, part: '', nodes: [node] });
  }
  return out;
}

function stageCount(graph: Graph): number {
  return graph.nodes.reduce((n, node) => Math.max(n, (stageOf(node.scope) ?? -1) + 1), 0);
}

/** The pieces of `graph` at one cut, keyed `<id>/…`, with MACs and params from `analysis`. */
export function cutPieces(
  graph: Graph,
  analysis: ReturnType<typeof analyze>,
  id: string,
  cut: PieceCut,
): LatencyUnit[] {
  if (cut.kind === 'block' || cut.kind === 'layer') return latencyUnits(graph, analysis, id, cut.kind);
  if (cut.kind === 'sample') {
    return latencyUnits(graph, analysis, id, 'block').filter((u) => /^blocks\.\d+\.[01]$/.test(u.scope));
  }
  const stages = stageCount(graph);
  if (cut.kind === 'tail' && !(Number.isInteger(cut.from) && cut.from >= 0 && cut.from < stages)) {
    throw new Error(`a tail cut starts at a stage 0…${stages - 1} of ${id}; got ${cut.from}`);
  }
  return piecesFromDrafts(graph, analysis, id, cut.kind, () =>
    runs(graph, (scope, seenBlock) => {
      const s = stageOf(scope);
      if (cut.kind === 'model') return { scope: 'model', kind: 'model', stage: -1 };
      if (cut.kind === 'tail') {
        const inTail = s === undefined ? seenBlock : s >= cut.from;
        return inTail
          ? { scope: `tail`, kind: 'tail', stage: cut.from }
          : { scope: 'before', kind: 'stage', stage: -1 };
      }
      if (s !== undefined) return { scope: `blocks.${s}`, kind: 'stage', stage: s };
      return seenBlock ? { scope: 'head', kind: 'head', stage: stages } : { scope: 'stem', kind: 'stem', stage: -1 };
    }),
  ).filter((u) => !(cut.kind === 'tail' && u.scope === 'before'));
}

/** Every piece of a target, cut by cut, from the zoo's builder and the engine's analysis. */
export function targetPieces(
  target: LatencyTarget,
  graph = buildFromSpec(target.spec, { name: target.id }),
): LatencyUnit[] {
  const a = analyze(graph);
  return target.cuts.flatMap((c) => cutPieces(graph, a, target.id, c));
}

/**
 * Groups of piece keys timed together, in order: 'all' times every piece in the same rounds (a slow
 * spell of the device spreads over all of them); 'stage' times the pieces of one stage number
 * together (e.g. a stage as Fused-MBConv and as MBConv) and frees them before the next stage, so
 * only one stage's weights are held at a time (Table 3's all-fused late stages are tens of millions
 * of parameters each).
 */
export function timingGroups(pieces: readonly LatencyUnit[], by: 'all' | 'stage'): string[][] {
  if (by === 'all') return pieces.length ? [pieces.map((p) => p.key)] : [];
  const order: number[] = [];
  const groups = new Map<number, string[]>();
  for (const p of pieces) {
    if (!groups.has(p.stage)) {
      groups.set(p.stage, []);
      order.push(p.stage);
    }
    groups.get(p.stage)!.push(p.key);
  }
  return order.map((s) => groups.get(s)!);
}

export interface Comparison {
  readonly aMs: number;
  readonly bMs: number;
  /** a ÷ b: how many times longer a takes. */
  readonly ratio: number;
  /** a − b in milliseconds. */
  readonly savedMs: number;
}

/** Two medians side by side; null unless both are measured, finite and positive. */
export function compareTimings(a: UnitTiming | undefined, b: UnitTiming | undefined): Comparison | null {
  if (!a || !b) return null;
  const ok = (v: number): boolean => Number.isFinite(v) && v > 0;
  if (!ok(a.medianMs) || !ok(b.medianMs)) return null;
  return { aMs: a.medianMs, bMs: b.medianMs, ratio: a.medianMs / b.medianMs, savedMs: a.medianMs - b.medianMs };
}

export interface StageTime {
  readonly stage: number;
  readonly blocks: number;
  readonly ms: number;
}

/**
 * A stage's time from the `sample` cut: its first block plus (blocks − 1) × its second block, for
 * every stage whose needed blocks are measured (`blocks[s]` = the stage's block count, from the
 * zoo's resolved spec). Stages missing a needed timing are left out, never guessed.
 */
export function stageTimes(id: string, blocks: readonly number[], timings: readonly UnitTiming[]): StageTime[] {
  const ms = new Map(timings.filter((t) => Number.isFinite(t.medianMs)).map((t) => [t.key, t.medianMs]));
  const out: StageTime[] = [];
  blocks.forEach((n, s) => {
    const first = ms.get(`${id}/blocks.${s}.0`);
    const rest = n > 1 ? ms.get(`${id}/blocks.${s}.1`) : 0;
    if (first === undefined || rest === undefined) return;
    out.push({ stage: s, blocks: n, ms: first + (n - 1) * rest });
  });
  return out;
}
