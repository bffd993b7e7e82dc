/**
 * What an inverted residual block costs as its expansion ratio t changes (MobileNetV2 §3.3,
 * Table 1: 1×1 expand to t·C channels → 3×3 depthwise → linear 1×1 projection). The block is built
 * by the zoo's own builder (a one-block spec with timm's rounding, `mid = make_divisible(in·t)`)
 * and measured by the engine's static analysis, so the numbers are the ones a MobileNetV2 block
 * really has, not a re-derivation of the formula.
 */
import { analyze, type LayerStats } from '../../engine/index.ts';
import { buildFromSpec, type CnnSpec } from '../../models/index.ts';
import { formatTexInt } from '../charts/number-format.ts';

/** The block's fixed shape: everything except the expansion ratio. */
export interface BottleneckShape {
  readonly inChannels: number;
  readonly outChannels: number;
  /** Input feature-map side (square). */
  readonly size: number;
  readonly kernel: number;
  readonly stride: number;
}

export interface ExpansionLayer {
  readonly role: 'expand' | 'depthwise' | 'project';
  readonly macs: number;
  readonly params: number;
  readonly outChannels: number;
  readonly outSize: number;
  /** Bytes of the convolution's output (float32). */
  readonly outBytes: number;
}

export interface ExpansionCost {
  readonly t: number;
  /** Expanded width: make_divisible(in · t, 8) as timm and torchvision build it. */
  readonly mid: number;
  readonly outSize: number;
  readonly residual: boolean;
  readonly layers: readonly [ExpansionLayer, ExpansionLayer, ExpansionLayer];
  /** Conv MACs of the block (BN, activations and the residual add are not counted, published.md §1). */
  readonly macs: number;
  /** Parameters of the block: conv weights and BatchNorm γ, β. */
  readonly params: number;
  readonly inputBytes: number;
  /** The widest tensor of the block: the expanded one. */
  readonly expandedBytes: number;
  readonly outputBytes: number;
  /**
   * Peak activation memory of the naive schedule of MobileNetV2 §5.1, Eq. 2: the largest sum of one
   * convolution's input and output, plus the block input when it is still held for the residual add.
   */
  readonly peakBytes: number;
}

/** MobileNetV2 `blocks.3.1`: the second block of the t=6, c=64 stage (Table 2), 64 → 64 channels at 14×14. */
export const MOBILENETV2_BLOCK_3_1: BottleneckShape = {
  inChannels: 64,
  outChannels: 64,
  size: 14,
  kernel: 3,
  stride: 1,
};

/** The slider's values: 1 to 10 in half steps (the paper found 5 to 10 "nearly identical", §4). */
export const EXPANSION_STEPS: readonly number[] = Array.from({ length: 19 }, (_, i) => 1 + i / 2);

const BYTES = 4;

function blockString(shape: BottleneckShape, t: number): string {
  return `ir_r1_k${shape.kernel}_s${shape.stride}_e${t}_c${shape.outChannels}`;
}

/** A one-block MobileNetV2-style spec whose stem hands the block `inChannels` at `size`. */
export function singleBlockSpec(shape: BottleneckShape, t: number): CnnSpec {
  if (!(t >= 1 && t <= 16)) throw new RangeError(`expansion ratio must be from 1 to 16; received ${t}`);
  return {
    kind: 'cnn',
    family: 'MobileNetV2',
    arch: [[blockString(shape, t)]],
    stem: { channels: shape.inChannels, fixed: true },
    head: { kind: 'none' },
    act: 'relu6',
    width: 1,
    depth: 1,
    roundLimit: 0.9,
    padding: 'symmetric',
    bnEps: 1e-5,
    // The stem has stride 2, so the block sees size × size.
    resolution: shape.size * 2,
    numClasses: 10,
  };
}

function sum(layers: readonly LayerStats[], key: 'macs' | 'params'): number {
  return layers.reduce((s, l) => s + l[key], 0);
}

/** Costs of one block at expansion ratio t, measured by the engine on the zoo-built graph. */
export function expansionCost(shape: BottleneckShape, t: number): ExpansionCost {
  const a = analyze(buildFromSpec(singleBlockSpec(shape, t)));
  const inBlock = a.layers.filter((l) => l.scope === 'blocks.0.0' || l.scope.startsWith('blocks.0.0.'));
  const conv = (name: string): LayerStats => {
    const l = inBlock.find((x) => x.opType === 'Conv' && x.scope === `blocks.0.0.${name}`);
    if (!l) throw new Error(`the built block has no ${name} convolution`);
    return l;
  };
  const roles = [
    ['expand', 'conv_pw'],
    ['depthwise', 'conv_dw'],
    ['project', 'conv_pwl'],
  ] as const;
  const layers = roles.map(([role, name]) => {
    const l = conv(name);
    const d = l.outputDims[0];
    return { role, macs: l.macs, params: l.params, outChannels: d[1], outSize: d[2], outBytes: l.activationBytes };
  }) as unknown as [ExpansionLayer, ExpansionLayer, ExpansionLayer];
  const mid = layers[0].outChannels;
  const outSize = layers[2].outSize;
  const residual = inBlock.some((l) => l.opType === 'Add');
  const inputBytes = shape.inChannels * shape.size * shape.size * BYTES;
  const [e, d, p] = layers;
  const held = residual ? inputBytes : 0;
  const peakBytes = Math.max(inputBytes + e.outBytes, held + e.outBytes + d.outBytes, held + d.outBytes + p.outBytes);
  return {
    t,
    mid,
    outSize,
    residual,
    layers,
    macs: sum(inBlock, 'macs'),
    params: sum(inBlock, 'params'),
    inputBytes,
    expandedBytes: e.outBytes,
    outputBytes: p.outBytes,
    peakBytes,
  };
}

/** The slider's whole table, computed once at build time. */
export function expansionSeries(shape: BottleneckShape, steps: readonly number[] = EXPANSION_STEPS): ExpansionCost[] {
  return steps.map((t) => expansionCost(shape, t));
}

/**
 * The paper's closed form for a stride-1 block (MobileNetV2 §3.3): h·w·d′·t·(d′ + k² + d″). It
 * assumes the expanded width is exactly t·d′; the built block rounds it to a multiple of 8.
 */
export function paperMacs(shape: BottleneckShape, t: number): number {
  const { size: h, inChannels: d1, outChannels: d2, kernel: k } = shape;
  return h * h * d1 * t * (d1 + k * k + d2);
}

/** KaTeX source of the block's MACs with this step's numbers: the three convolutions, then the total. */
export function expansionTex(shape: BottleneckShape, c: ExpansionCost): string {
  const [e, d, p] = c.layers;
  const h = shape.size;
  const ho = c.outSize;
  return (
    `\\begin{aligned}` +
    `\\text{expand} &= ${h}^2\\cdot ${shape.inChannels}\\cdot ${c.mid} = ${formatTexInt(e.macs)}\\\\` +
    `\\text{depthwise} &= ${ho}^2\\cdot ${c.mid}\\cdot ${shape.kernel}^2 = ${formatTexInt(d.macs)}\\\\` +
    `\\text{project} &= ${ho}^2\\cdot ${c.mid}\\cdot ${shape.outChannels} = ${formatTexInt(p.macs)}\\\\` +
    `\\text{MACs} &= ${formatTexInt(c.macs)}` +
    `\\end{aligned}`
  );
}
