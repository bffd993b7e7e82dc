/**
 * The paper-style stage table (EfficientNet Table 1: operator, resolution, channels, layers) of a
 * scaled model, each cell diffed against B0 and shown beside the unrounded value it came from
 * (channels c·w before make_divisible, repeats n·d before ceil), so the rounding is visible.
 */
import type { ScaledModel } from './scaling-model.ts';

export interface StageTableRow {
  /** 'stem', 'stage-1' … 'stage-7', 'head'. */
  readonly id: string;
  readonly label: string;
  /** Operator as in Table 1: "Conv3×3", "MBConv6, k5×5", "Conv1×1 & Pooling & FC". */
  readonly operator: string;
  readonly resolution: number;
  readonly baseResolution: number;
  readonly channels: number;
  readonly baseChannels: number;
  /** c_B0 · w before rounding. */
  readonly channelsExact: number;
  readonly repeats: number;
  readonly baseRepeats: number;
  /** n_B0 · d before ceil. */
  readonly repeatsExact: number;
}

function operator(type: string, expansion: number, kernel: number): string {
  const name = type === 'ds' ? 'MBConv1' : `MBConv${expansion}`;
  return `${name}, k${kernel}×${kernel}`;
}

export function stageTable(model: ScaledModel, base: ScaledModel): StageTableRow[] {
  const { width, depth } = model.config;
  const rows: StageTableRow[] = [
    {
      id: 'stem',
      label: 'Stem',
      operator: 'Conv3×3',
      resolution: model.config.resolution,
      baseResolution: base.config.resolution,
      channels: model.stem,
      baseChannels: base.stem,
      channelsExact: base.stem * width,
      repeats: 1,
      baseRepeats: 1,
      repeatsExact: 1,
    },
  ];
  model.stages.forEach((s, i) => {
    const b = base.stages[i];
    rows.push({
      id: `stage-${i + 1}`,
      label: `Stage ${i + 1}`,
      operator: operator(s.type, s.expansion, s.kernel),
      resolution: s.inputResolution,
      baseResolution: b.inputResolution,
      channels: s.outChannels,
      baseChannels: b.outChannels,
      channelsExact: b.outChannels * width,
      repeats: s.repeats,
      baseRepeats: b.repeats,
      repeatsExact: b.repeats * depth,
    });
  });
  const last = model.stages[model.stages.length - 1];
  const baseLast = base.stages[base.stages.length - 1];
  rows.push({
    id: 'head',
    label: 'Head',
    operator: 'Conv1×1 & Pooling & FC',
    resolution: last.outputResolution,
    baseResolution: baseLast.outputResolution,
    channels: model.head,
    baseChannels: base.head,
    channelsExact: base.head * width,
    repeats: 1,
    baseRepeats: 1,
    repeatsExact: 1,
  });
  return rows;
}

/** "+8", "−16", "" for no change: the diff column's text. */
export function signedDiff(value: number, base: number): string {
  const d = value - base;
  if (d === 0) return '';
  return d > 0 ? `+${d}` : `−${-d}`;
}
