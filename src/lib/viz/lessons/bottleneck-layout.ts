/**
 * Layout of the inverted-residual diagram: the block's four tensors (input, expanded, after the
 * depthwise conv, projected output) as slabs whose height is proportional to their channel count,
 * so "narrow → wide → narrow" is visible at a glance, with the residual connection drawn between
 * the narrow ends (MobileNetV2 §3.3, Figure 3). The projected output is marked linear, as the paper
 * hatches layers without a non-linearity. Pure: data in, coordinates out.
 */
import type { Rect } from '../charts/scale.ts';

export interface Slab extends Rect {
  readonly id: 'input' | 'expanded' | 'depthwise' | 'output';
  readonly channels: number;
  /** "64 ch · 14×14" */
  readonly label: string;
  /** True for a tensor no activation was applied to (the linear bottleneck). */
  readonly linear: boolean;
}

export interface SlabEdge {
  readonly from: Slab['id'];
  readonly to: Slab['id'];
  readonly x: number;
  readonly y: number;
  readonly op: string;
  readonly detail: string;
}

export interface BottleneckLayout {
  readonly width: number;
  readonly height: number;
  readonly slabs: readonly [Slab, Slab, Slab, Slab];
  readonly edges: readonly SlabEdge[];
  /** SVG path of the residual arc over the block, or null when the block has no skip. */
  readonly residual: string | null;
}

export interface BottleneckInput {
  readonly inChannels: number;
  readonly mid: number;
  readonly outChannels: number;
  readonly inSize: number;
  readonly outSize: number;
  readonly kernel: number;
  readonly residual: boolean;
  /** The channel count drawn at full height (the largest the slider reaches), so slabs stay comparable. */
  readonly maxChannels: number;
}

export const WIDTH = 480;
export const HEIGHT = 250;
const MID_Y = 140;
const MAX_H = 170;
const MIN_H = 3;
const SLAB_W = 30;
const CENTRES = [45, 175, 305, 435];

/** Slab height for a channel count: linear in channels, so t× the channels is t× as tall. */
export function slabHeight(channels: number, maxChannels: number): number {
  if (!(maxChannels > 0)) throw new RangeError(`maxChannels must be positive; received ${maxChannels}`);
  return Math.max(MIN_H, Math.round(((MAX_H * Math.min(channels, maxChannels)) / maxChannels) * 10) / 10);
}

export function bottleneckLayout(b: BottleneckInput): BottleneckLayout {
  const slab = (i: number, id: Slab['id'], channels: number, size: number, linear: boolean): Slab => {
    const h = slabHeight(channels, b.maxChannels);
    return {
      id,
      x: CENTRES[i] - SLAB_W / 2,
      y: Math.round((MID_Y - h / 2) * 10) / 10,
      w: SLAB_W,
      h,
      channels,
      label: `${channels} ch · ${size}×${size}`,
      linear,
    };
  };
  const slabs = [
    slab(0, 'input', b.inChannels, b.inSize, true),
    slab(1, 'expanded', b.mid, b.inSize, false),
    slab(2, 'depthwise', b.mid, b.outSize, false),
    slab(3, 'output', b.outChannels, b.outSize, true),
  ] as const;
  const edge = (i: number, op: string, detail: string): SlabEdge => ({
    from: slabs[i].id,
    to: slabs[i + 1].id,
    x: (CENTRES[i] + CENTRES[i + 1]) / 2,
    y: MID_Y,
    op,
    detail,
  });
  const edges = [
    edge(0, 'expand', '1×1 + ReLU6'),
    edge(1, 'depthwise', `${b.kernel}×${b.kernel} + ReLU6`),
    edge(2, 'project', '1×1, linear'),
  ];
  // The skip runs above the tallest slab so it never crosses the expanded tensors.
  const top = Math.min(...slabs.map((s) => s.y)) - 16;
  const residual = b.residual
    ? `M${CENTRES[0]},${slabs[0].y}V${top + 8}Q${CENTRES[0]},${top} ${CENTRES[0] + 8},${top}H${CENTRES[3] - 8}Q${CENTRES[3]},${top} ${CENTRES[3]},${top + 8}V${slabs[3].y}`
    : null;
  return { width: WIDTH, height: HEIGHT, slabs, edges, residual };
}
