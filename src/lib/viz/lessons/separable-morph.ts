/**
 * Lesson 3's morph: one layer drawn as a standard k×k convolution, then grouped with more and more
 * groups, then depthwise (one group per channel), then depthwise followed by a pointwise 1×1 —
 * MobileNetV1's depthwise separable convolution (Howard et al. 2017, §3.1, Fig. 2).
 *
 * Cost per output position (the H_out·W_out factor is common to all stages and cancels in ratios):
 *   standard   k²·M·N          grouped   k²·(M/g)·N          depthwise   k²·M (output keeps M channels)
 *   separable  k²·M + M·N      ratio to standard = 1/N + 1/k²  (§3.1, eq. 5)
 * M = input channels, N = output channels. Pure: data in, positions and TeX out.
 */
import type { LayerStats } from '../../engine/index.ts';
import { formatTexInt } from '../charts/number-format.ts';

export interface MorphLayer {
  /** Output height and width (stride already applied). */
  readonly hOut: number;
  readonly wOut: number;
  readonly cin: number;
  readonly cout: number;
  readonly k: number;
  /** A short name for the layer, e.g. "layer 7: 14×14, 512 → 512". */
  readonly label: string;
}

export type MorphStage =
  | { readonly kind: 'standard' }
  | { readonly kind: 'grouped'; readonly groups: number }
  | { readonly kind: 'depthwise' }
  | { readonly kind: 'separable' };

export interface StageCost {
  readonly macs: number;
  readonly params: number;
  /** MACs over the standard convolution's MACs. */
  readonly ratio: number;
  /** For the separable stage: the depthwise and pointwise parts. */
  readonly depthwiseMacs?: number;
  readonly pointwiseMacs?: number;
}

/** Largest number of groups the morph shows between standard and depthwise. */
const MAX_SHOWN_GROUPS = 8;

/**
 * MobileNetV1's separable layers read from the engine's analysis of a zoo graph: each depthwise
 * conv and the pointwise conv that follows it, as one layer to morph (paper Table 1's 13 rows).
 */
export function separableLayers(layers: readonly LayerStats[]): MorphLayer[] {
  const out: MorphLayer[] = [];
  layers.forEach((l, i) => {
    const cin = l.inputDims[0]?.[1];
    if (l.opType !== 'Conv' || !l.group || l.group === 1 || l.group !== cin) return;
    const pw = layers.slice(i + 1).find((n) => n.opType === 'Conv');
    if (!pw || (pw.group ?? 1) !== 1 || !(pw.kernel ?? []).every((v) => v === 1)) return;
    const [, , hOut, wOut] = l.outputDims[0];
    const cout = pw.outputDims[0][1];
    const k = l.kernel?.[0] ?? 1;
    const stride = l.stride?.[0] ?? 1;
    out.push({
      hOut,
      wOut,
      cin,
      cout,
      k,
      label: `layer ${out.length + 1}: ${hOut}×${wOut}, ${cin} → ${cout}${stride > 1 ? `, stride ${stride}` : ''}`,
    });
  });
  return out;
}

/** The slider's stops: standard, grouped with 2, 4, 8 groups (when they divide both channel counts), depthwise, separable. */
export function morphStages(layer: MorphLayer): MorphStage[] {
  const stages: MorphStage[] = [{ kind: 'standard' }];
  for (let g = 2; g <= MAX_SHOWN_GROUPS && g < layer.cin; g *= 2) {
    if (layer.cin % g === 0 && layer.cout % g === 0) stages.push({ kind: 'grouped', groups: g });
  }
  stages.push({ kind: 'depthwise' }, { kind: 'separable' });
  return stages;
}

export function stageName(stage: MorphStage): string {
  switch (stage.kind) {
    case 'standard':
      return 'standard convolution';
    case 'grouped':
      return `grouped convolution, ${stage.groups} groups`;
    case 'depthwise':
      return 'depthwise convolution alone';
    case 'separable':
      return 'depthwise + pointwise (separable)';
  }
}

export function stageCost(layer: MorphLayer, stage: MorphStage): StageCost {
  const { hOut, wOut, cin: M, cout: N, k } = layer;
  const pos = hOut * wOut;
  const standard = pos * k * k * M * N;
  let macs: number;
  let params: number;
  let extra: Partial<StageCost> = {};
  switch (stage.kind) {
    case 'standard':
      macs = standard;
      params = k * k * M * N;
      break;
    case 'grouped':
      macs = pos * k * k * (M / stage.groups) * N;
      params = k * k * (M / stage.groups) * N;
      break;
    case 'depthwise':
      macs = pos * k * k * M;
      params = k * k * M;
      break;
    case 'separable': {
      const dw = pos * k * k * M;
      const pw = pos * M * N;
      macs = dw + pw;
      params = k * k * M + M * N;
      extra = { depthwiseMacs: dw, pointwiseMacs: pw };
      break;
    }
  }
  return { macs, params, ratio: macs / standard, ...extra };
}

/** Three significant figures, no trailing zeros. */
function sig(v: number): string {
  const s = v.toPrecision(3);
  return s.includes('e') ? String(Number(s)) : s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** The cost ratio of a stage as TeX (two aligned lines: the formula, then the layer's numbers). */
export function stageTex(layer: MorphLayer, stage: MorphStage): string {
  const { cout: N, k } = layer;
  const c = stageCost(layer, stage);
  const lhs = '\\frac{\\text{MACs}}{\\text{MACs}_\\text{standard}}';
  const lines = (general: string, numbers: string) =>
    `\\begin{aligned} ${lhs} &= ${general} \\\\ &= ${numbers} \\end{aligned}`;
  switch (stage.kind) {
    case 'standard':
      return lines('\\frac{H_o W_o\\, k^2 M N}{H_o W_o\\, k^2 M N}', '1');
    case 'grouped':
      return lines(
        '\\frac{k^2 \\frac{M}{g} N}{k^2 M N} = \\frac{1}{g}',
        `\\frac{1}{${stage.groups}} = ${sig(c.ratio)}`,
      );
    case 'depthwise':
      return lines('\\frac{k^2 M}{k^2 M N} = \\frac{1}{N}', `\\frac{1}{${N}} = ${sig(c.ratio)}`);
    case 'separable':
      return lines(
        '\\frac{k^2 M + M N}{k^2 M N} = \\frac{1}{N} + \\frac{1}{k^2}',
        `\\frac{1}{${N}} + \\frac{1}{${k * k}} = ${sig(c.ratio)}`,
      );
  }
}

/** The stage's MAC count as TeX: the formula, then the layer's numbers on a second line. */
export function stageMacsTex(layer: MorphLayer, stage: MorphStage): string {
  const { hOut, wOut, cin: M, cout: N, k } = layer;
  const c = stageCost(layer, stage);
  const pos = `${hOut} \\cdot ${wOut}`;
  const lines = (general: string, numbers: string) =>
    `\\begin{aligned} \\text{MACs} &= ${general} \\\\ &= ${numbers} = ${formatTexInt(c.macs)} \\end{aligned}`;
  switch (stage.kind) {
    case 'standard':
      return lines('H_o W_o\\, k^2 M N', `${pos} \\cdot ${k * k} \\cdot ${M} \\cdot ${N}`);
    case 'grouped':
      return lines('H_o W_o\\, k^2 \\tfrac{M}{g} N', `${pos} \\cdot ${k * k} \\cdot ${M / stage.groups} \\cdot ${N}`);
    case 'depthwise':
      return lines('H_o W_o\\, k^2 M', `${pos} \\cdot ${k * k} \\cdot ${M}`);
    case 'separable':
      return lines('H_o W_o (k^2 M + M N)', `${pos} \\cdot (${k * k} \\cdot ${M} + ${M} \\cdot ${N})`);
  }
}

// ---- Geometry: channel columns joined by one line per filter connection ----

export interface MorphNode {
  readonly x: number;
  readonly y: number;
}

export interface MorphEdge {
  /** Stable identity across stages, for animated joins: `${column}-${from}-${to}`. */
  readonly key: string;
  /** The column the edge leaves (0 = input) and the rows it joins there and in the next column. */
  readonly column: number;
  readonly from: number;
  readonly to: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** Which group the edge belongs to (0-based), for colour; -1 for pointwise edges. */
  readonly group: number;
}

export interface MorphGeometry {
  readonly width: number;
  readonly height: number;
  /** One column of drawn channels per tensor: input, [depthwise output,] output. */
  readonly columns: { readonly x: number; readonly label: string; readonly nodes: MorphNode[] }[];
  readonly edges: MorphEdge[];
  /** How many real channels one drawn channel stands for, per column. */
  readonly channelsPerNode: readonly number[];
  /** Node side in px. */
  readonly node: number;
}

/** Drawn channels per column: enough to show 8 groups of 2. */
export const DRAWN = 16;

const W = 520;
const H = 300;
const TOP = 34;
const NODE = 12;

function column(x: number, n: number): MorphNode[] {
  const span = H - TOP - 16;
  const step = span / n;
  return Array.from({ length: n }, (_, i) => ({ x, y: TOP + step * (i + 0.5) }));
}

/**
 * Layout of a stage: DRAWN channels per column stand for the real M or N (each drawn channel is
 * M/DRAWN real ones). A standard conv joins every input to every output; g groups join only within
 * a group (block diagonal); depthwise joins each channel to itself; separable adds a dense 1×1 stage.
 */
export function morphGeometry(layer: MorphLayer, stage: MorphStage): MorphGeometry {
  const nIn = Math.min(DRAWN, layer.cin);
  const nOut = Math.min(DRAWN, stage.kind === 'depthwise' ? layer.cin : layer.cout);
  const edges: MorphEdge[] = [];
  const link = (a: MorphNode[], b: MorphNode[], column: number, i: number, j: number, group: number) =>
    edges.push({
      key: `${column}-${i}-${j}`,
      column,
      from: i,
      to: j,
      x1: a[i].x + NODE / 2,
      y1: a[i].y,
      x2: b[j].x - NODE / 2,
      y2: b[j].y,
      group,
    });
  if (stage.kind === 'separable') {
    const cols = [
      { x: 80, label: `input, ${layer.cin} ch`, nodes: column(80, nIn) },
      { x: W / 2, label: `depthwise out, ${layer.cin} ch`, nodes: column(W / 2, nIn) },
      { x: W - 80, label: `output, ${layer.cout} ch`, nodes: column(W - 80, Math.min(DRAWN, layer.cout)) },
    ];
    for (let i = 0; i < nIn; i++) link(cols[0].nodes, cols[1].nodes, 0, i, i, i);
    for (let i = 0; i < nIn; i++)
      for (let j = 0; j < cols[2].nodes.length; j++) link(cols[1].nodes, cols[2].nodes, 1, i, j, -1);
    return {
      width: W,
      height: H,
      columns: cols,
      edges,
      channelsPerNode: [layer.cin / nIn, layer.cin / nIn, layer.cout / cols[2].nodes.length],
      node: NODE,
    };
  }
  const cols = [
    { x: 90, label: `input, ${layer.cin} ch`, nodes: column(90, nIn) },
    {
      x: W - 90,
      label: `output, ${stage.kind === 'depthwise' ? layer.cin : layer.cout} ch`,
      nodes: column(W - 90, nOut),
    },
  ];
  const groups = stage.kind === 'standard' ? 1 : stage.kind === 'grouped' ? stage.groups : nIn;
  const inPer = nIn / groups;
  const outPer = nOut / groups;
  for (let g = 0; g < groups; g++) {
    for (let i = 0; i < inPer; i++) {
      for (let j = 0; j < outPer; j++)
        link(cols[0].nodes, cols[1].nodes, 0, g * inPer + i, g * outPer + j, groups === 1 ? 0 : g);
    }
  }
  return {
    width: W,
    height: H,
    columns: cols,
    edges,
    channelsPerNode: [layer.cin / nIn, (stage.kind === 'depthwise' ? layer.cin : layer.cout) / nOut],
    node: NODE,
  };
}
