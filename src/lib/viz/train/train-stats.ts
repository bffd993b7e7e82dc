/**
 * The arithmetic behind the playground's pre-training figures, without the engine (the page's own
 * script imports this; the table itself is computed at build time by train-stats-table.ts): the
 * memory of one training step for any batch and optimizer, the time estimate, and the refusal.
 */
import type { OptimizerKind, TrainConfig } from './train-config.ts';

export interface ConfigStats {
  readonly params: number;
  /** Multiply-adds of one forward pass of one image. */
  readonly macs: number;
  /** Bytes kept for backward per image in the batch. */
  readonly keptPerImage: number;
  /** Bytes independent of the batch: parameters + gradients (+ anything kept once). */
  readonly fixedBytes: number;
  /** Trainable parameter elements (the optimizer keeps 1 slot each for SGD, 2 for AdamW). */
  readonly trainable: number;
}

export type StatsTable = Readonly<Record<string, ConfigStats>>;

/** The table key of a configuration's architecture (the parts that change the graph). */
export function statsKey(c: Pick<TrainConfig, 'block' | 'width' | 'depth' | 'resolution'>): string {
  return `${c.block}|${c.width}|${c.depth}|${c.resolution}`;
}

const SLOTS: Readonly<Record<OptimizerKind, number>> = { sgd: 1, adamw: 2 };

/** Bytes one training step needs at `batch` with `optimizer` (the trainer's `memory.totalBytes`). */
export function memoryBytes(s: ConfigStats, batch: number, optimizer: OptimizerKind): number {
  return s.fixedBytes + batch * s.keptPerImage + s.trainable * 4 * SLOTS[optimizer];
}

/** The memory budget the playground trains within (a phone's tab has a few hundred MiB to spare). */
export const MEMORY_BUDGET = 256 * 2 ** 20;

/**
 * Time per training image ≈ a + b · MACs: a fixed cost per image (op dispatch, BatchNorm, the
 * optimizer) plus a cost per multiply-add of the forward pass (backward is about twice the
 * forward). Fitted to two engine runs in Node (npx tsx, the trainer at batch 32, 20×20) on the
 * shared 2-core build machine under load ≈ 11: the default depthwise-separable net (6.2 ms per
 * image at 95.5 k MACs) and the Fused-MBConv net (12 ms at 1.54 M MACs). It is only a first
 * guess: after a run, the page rescales it by what this browser measured (localStorage).
 */
export const TIME_MODEL = { msPerImage: 5.8, nsPerMac: 4.0 } as const;

/** Estimated training seconds for `images` images at `macs` per forward, times `scale` (1 = this machine). */
export function estimateSeconds(macs: number, images: number, scale = 1): number {
  return (images * (TIME_MODEL.msPerImage + (TIME_MODEL.nsPerMac * macs) / 1e6) * scale) / 1000;
}

/** Why a configuration is refused before it starts, with the figures, or null. */
export function refusal(
  s: ConfigStats,
  batch: number,
  optimizer: OptimizerKind,
  budget = MEMORY_BUDGET,
): string | null {
  const need = memoryBytes(s, batch, optimizer);
  if (need <= budget) return null;
  const mib = (b: number): string => `${(b / 2 ** 20).toFixed(1)} MiB`;
  return `Needs ${mib(need)} for one step (activations kept for backward ${mib(batch * s.keptPerImage)}, weights, gradients and ${optimizer === 'adamw' ? 'AdamW' : 'SGD'} state ${mib(need - batch * s.keptPerImage)}); the budget is ${mib(budget)}. Lower the batch size or the resolution.`;
}
