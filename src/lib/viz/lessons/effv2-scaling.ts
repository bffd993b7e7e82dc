/**
 * V2-S scaled to M, L and XL (EfficientNetV2 §3.4): compound scaling "with a few additional
 * optimizations": the inference image side capped at 480, and more layers added to later stages
 * (stages 5 and 6 of Table 4) "to increase the network capacity without adding much runtime
 * overhead". Everything here is read from the zoo's specs (timm `_gen_efficientnetv2_s/m/l/xl`).
 */
import { getModel, resolveCnn, specStats, type CnnSpec } from '../../models/index.ts';

export const V2_SIZES = ['s', 'm', 'l', 'xl'] as const;
export type V2Size = (typeof V2_SIZES)[number];
export const V2_IDS: Readonly<Record<V2Size, string>> = {
  s: 'tf_efficientnetv2_s',
  m: 'tf_efficientnetv2_m',
  l: 'tf_efficientnetv2_l',
  xl: 'tf_efficientnetv2_xl',
};
export const V2_LABELS: Readonly<Record<V2Size, string>> = { s: 'V2-S', m: 'V2-M', l: 'V2-L', xl: 'V2-XL' };

/** §3.4: "we restrict the maximum inference image size to 480". */
export const PAPER_MAX_SIZE = 480;

export interface V2Stage {
  /** 1-based, Table 4 numbering. */
  readonly stage: number;
  readonly kind: 'Fused-MBConv' | 'MBConv';
  readonly blocks: number;
  readonly channels: number;
}

export interface V2Model {
  readonly size: V2Size;
  readonly id: string;
  readonly resolution: number;
  readonly params: number;
  readonly macs: number;
  readonly stages: readonly V2Stage[];
  readonly blocks: number;
}

function spec(size: V2Size): CnnSpec {
  const s = getModel(V2_IDS[size]).spec;
  if (s.kind !== 'cnn') throw new Error(`${V2_IDS[size]} is not a CNN`);
  return s;
}

const cache = new Map<V2Size, V2Model>();

export function v2Model(size: V2Size): V2Model {
  const hit = cache.get(size);
  if (hit) return hit;
  const sp = spec(size);
  const r = resolveCnn(sp);
  const stages = sp.arch.map((_, i) => {
    const bs = r.blocks.filter((b) => b.stage === i);
    return {
      stage: i + 1,
      kind: bs[0].type === 'er' || bs[0].type === 'cn' ? 'Fused-MBConv' : 'MBConv',
      blocks: bs.length,
      channels: bs[bs.length - 1].outChannels,
    } as const;
  });
  const st = specStats(sp);
  const m: V2Model = {
    size,
    id: V2_IDS[size],
    resolution: sp.resolution,
    params: st.params,
    macs: st.macs,
    stages,
    blocks: r.blocks.length,
  };
  cache.set(size, m);
  return m;
}

/** All four, for the scaling widget. */
export function v2Models(): Record<V2Size, V2Model> {
  return Object.fromEntries(V2_SIZES.map((s) => [s, v2Model(s)])) as Record<V2Size, V2Model>;
}

/** Blocks of each stage of `size` over the same stage of V2-S; null for a stage V2-S does not have (stage 7). */
export function depthGrowth(size: V2Size): (number | null)[] {
  const s = v2Model('s');
  return v2Model(size).stages.map((st) => {
    const base = s.stages[st.stage - 1];
    return base ? st.blocks / base.blocks : null;
  });
}

/** Blocks added over V2-S in the first three stages and in the rest (including stages S does not have). */
export function addedBlocks(size: V2Size): { early: number; late: number } {
  const s = v2Model('s');
  const m = v2Model(size);
  let early = 0;
  let late = 0;
  for (const st of m.stages) {
    const add = st.blocks - (s.stages[st.stage - 1]?.blocks ?? 0);
    if (st.stage <= 3) early += add;
    else late += add;
  }
  return { early, late };
}
