/**
 * The training playground's configuration: what the reader picks, its URL form, and the model
 * spec it builds through the zoo's grammar (src/lib/models), so the playground trains the same
 * engine graph the zoo and the debugger run.
 *
 * The network: stem 3×3/2 → 16·w channels, three stages of the chosen block (16, 24, 32 channels
 * before width scaling; strides 1, 2, 2; `depth` blocks each), a 1×1 head to 64 features, global
 * pool, a 10-way classifier. Blocks as timm block strings (src/lib/models/block-string.ts):
 * standard `cn` (one full 3×3 conv), depthwise separable `ds` (MobileNetV1/V2), inverted residual
 * `ir` with expansion 4 (MobileNetV2, Sandler et al. 2018 §3.3), the same with SE ratio 0.25 on the
 * block input (EfficientNet, Tan & Le 2019 §4), and Fused-MBConv `er` (EfficientNetV2, Tan & Le
 * 2021 §3.2). ReLU throughout: the cheapest activation to differentiate, the same for every block.
 */
import type { CnnSpec } from '../../models/spec.ts';

export type BlockKind = 'conv' | 'dsep' | 'ir' | 'ir-se' | 'fused';
export type OptimizerKind = 'sgd' | 'adamw';

export interface TrainConfig {
  readonly block: BlockKind;
  readonly width: number;
  /** Blocks per stage. */
  readonly depth: number;
  readonly resolution: number;
  readonly optimizer: OptimizerKind;
  readonly lr: number;
  readonly batch: number;
  readonly epochs: number;
  readonly seed: number;
}

export const BLOCKS: readonly { readonly id: BlockKind; readonly label: string }[] = [
  { id: 'conv', label: 'Standard conv' },
  { id: 'dsep', label: 'Depthwise separable' },
  { id: 'ir', label: 'Inverted residual' },
  { id: 'ir-se', label: 'Inverted residual + SE' },
  { id: 'fused', label: 'Fused-MBConv' },
];

/** The values each control offers (the URL accepts only these). */
export const CHOICES = {
  width: [0.5, 0.75, 1, 1.5, 2],
  depth: [1, 2, 3],
  resolution: [16, 20, 24, 28, 32],
  optimizer: ['sgd', 'adamw'] as readonly OptimizerKind[],
  lr: [0.003, 0.01, 0.03, 0.1, 0.3],
  batch: [16, 32, 64, 128, 256, 512],
  epochs: [1, 2, 3, 5],
} as const;

export const DEFAULT_CONFIG: TrainConfig = {
  block: 'dsep',
  width: 1,
  depth: 1,
  resolution: 20,
  optimizer: 'adamw',
  lr: 0.01,
  batch: 32,
  epochs: 1,
  seed: 1,
};

/** Stage output channels (before width scaling) and strides. */
export const STAGES: readonly { readonly channels: number; readonly stride: number }[] = [
  { channels: 16, stride: 1 },
  { channels: 24, stride: 2 },
  { channels: 32, stride: 2 },
];

/** The timm block string of one stage. */
export function blockString(block: BlockKind, depth: number, stride: number, channels: number): string {
  const r = `r${depth}_k3_s${stride}`;
  switch (block) {
    case 'conv':
      return `cn_${r}_c${channels}`;
    case 'dsep':
      return `ds_${r}_c${channels}`;
    case 'ir':
      return `ir_${r}_e4_c${channels}`;
    case 'ir-se':
      return `ir_${r}_e4_c${channels}_se0.25`;
    case 'fused':
      return `er_${r}_e4_c${channels}`;
  }
}

/** The model spec of a configuration (1-channel stem and batch are layout options of the builder). */
export function configSpec(c: TrainConfig): CnnSpec {
  return {
    kind: 'cnn',
    family:
      c.block === 'fused'
        ? 'EfficientNetV2'
        : c.block === 'ir-se'
          ? 'EfficientNet'
          : c.block === 'ir'
            ? 'MobileNetV2'
            : 'MobileNetV1',
    arch: STAGES.map((s) => [blockString(c.block, c.depth, s.stride, s.channels)]),
    stem: { channels: 16 },
    head: { kind: 'conv', features: 64, scaling: 'fixed' },
    act: 'relu',
    attn: { kind: 'se', fromExpanded: false, round: 'round', gate: 'sigmoid' },
    width: c.width,
    depth: 1,
    roundLimit: 0.9,
    padding: 'symmetric',
    bnEps: 1e-5,
    resolution: c.resolution,
    numClasses: 10,
  };
}

/** A short name for charts and the runs table, e.g. `dsep w1 d1 r20`. */
export function configLabel(c: TrainConfig): string {
  return `${c.block} w${c.width} d${c.depth} r${c.resolution}`;
}

const KEYS = ['block', 'width', 'depth', 'resolution', 'optimizer', 'lr', 'batch', 'epochs', 'seed'] as const;
const SHORT: Record<(typeof KEYS)[number], string> = {
  block: 'block',
  width: 'w',
  depth: 'd',
  resolution: 'res',
  optimizer: 'opt',
  lr: 'lr',
  batch: 'bs',
  epochs: 'ep',
  seed: 'seed',
};

/** The configuration as URL query parameters (every key, so a link pins the run). */
export function configToQuery(c: TrainConfig): string {
  const p = new URLSearchParams();
  for (const k of KEYS) p.set(SHORT[k], String(c[k]));
  return p.toString();
}

export interface ParsedConfig {
  readonly config: TrainConfig;
  /** Parameters that were present but not allowed, with why (the default was used instead). */
  readonly rejected: readonly string[];
}

/** Reads a configuration from a query string; unknown or out-of-range values fall back to the default, reported. */
export function configFromQuery(query: string): ParsedConfig {
  const p = new URLSearchParams(query);
  const out: Record<string, unknown> = { ...DEFAULT_CONFIG };
  const rejected: string[] = [];
  for (const k of KEYS) {
    const raw = p.get(SHORT[k]);
    if (raw === null) continue;
    if (k === 'block') {
      if (BLOCKS.some((b) => b.id === raw)) out.block = raw;
      else rejected.push(`${SHORT[k]}=${raw} (expected ${BLOCKS.map((b) => b.id).join(', ')})`);
    } else if (k === 'optimizer') {
      if ((CHOICES.optimizer as readonly string[]).includes(raw)) out.optimizer = raw;
      else rejected.push(`${SHORT[k]}=${raw} (expected sgd or adamw)`);
    } else if (k === 'seed') {
      const v = Number(raw);
      if (Number.isInteger(v) && v >= 0 && v < 2 ** 31) out.seed = v;
      else rejected.push(`seed=${raw} (expected a whole number 0 to 2³¹−1)`);
    } else {
      const v = Number(raw);
      const allowed = CHOICES[k] as readonly number[];
      if (allowed.includes(v)) out[k] = v;
      else rejected.push(`${SHORT[k]}=${raw} (expected one of ${allowed.join(', ')})`);
    }
  }
  return { config: out as unknown as TrainConfig, rejected };
}
