/**
 * Layout of the architecture diagram that morphs as φ moves: one bar per block, left to right
 * (stem, the seven stages' blocks, head). A bar's height follows its output feature-map side
 * (resolution), its thickness its output channels (width), and the number of bars per stage its
 * repeats (depth), so each of the three compound-scaling dimensions is one visual channel.
 *
 * Scales are fixed by a frame (the largest model the slider can reach), not by the model shown,
 * so the network visibly grows as φ increases. Square-root scales keep 7×7×640 and 300×300×32
 * both visible. Pure: data in, coordinates out; bars carry stable ids for D3's data join
 * (`b<stage>-<index>`), so existing blocks move and new blocks enter.
 */
import type { StageConfig } from '../../models/index.ts';
import { round1, type Rect } from '../charts/scale.ts';

export const DIAGRAM_WIDTH = 720;
export const DIAGRAM_HEIGHT = 262;
const TOP = 8;
const BAR_MAX_H = 180;
const BAR_MIN_H = 6;
const GAP = 1.5;
const STAGE_GAP = 10;
const LEFT = 4;
/** Stage labels: first row's baseline, the second row's offset, and the closest two labels may sit on one row (in viewBox units; the phone font is 28). */
const LABEL_Y = TOP + BAR_MAX_H + 26;
const LABEL_ROW = 32;
const LABEL_MIN_GAP = 44;

export interface DiagramFrame {
  /** Largest feature-map side to draw (the stem output of the largest model). */
  readonly maxSide: number;
  /** Largest channel count to draw (the head of the largest model). */
  readonly maxChannels: number;
}

export interface DiagramModel {
  readonly resolution: number;
  readonly stem: number;
  readonly head: number;
  readonly stages: readonly StageConfig[];
}

export interface DiagramBar extends Rect {
  readonly id: string;
  /** −1 stem, 0…6 stages, 7 head: the colour is palette slot group + 1 (seriesClass), so the stem and head are neutral. */
  readonly group: number;
  /** e.g. "stage 4 block 2: 28×28×96". */
  readonly title: string;
}

export interface DiagramLabel {
  readonly id: string;
  readonly x: number;
  /** Baseline: a second row when the stage is too close to the previous label to read apart ("2 4", not "24"). */
  readonly y: number;
  readonly text: string;
}

export interface DiagramLayout {
  readonly viewBox: string;
  readonly bars: readonly DiagramBar[];
  readonly labels: readonly DiagramLabel[];
  readonly labelY: number;
  /** Horizontal compression applied when the model is wider than the drawing (1 = none). */
  readonly squeeze: number;
}

export function diagramLayout(model: DiagramModel, frame: DiagramFrame): DiagramLayout {
  const height = (side: number): number =>
    BAR_MIN_H + (BAR_MAX_H - BAR_MIN_H) * Math.sqrt(Math.min(1, side / frame.maxSide));
  const thickness = (c: number): number => 2 + 12 * Math.sqrt(Math.min(1, c / frame.maxChannels));
  type Raw = { id: string; group: number; side: number; channels: number; title: string };
  const groups: Raw[][] = [];
  const stemSide = Math.ceil(model.resolution / 2);
  groups.push([
    {
      id: 'stem',
      group: -1,
      side: stemSide,
      channels: model.stem,
      title: `stem: ${stemSide}×${stemSide}×${model.stem}`,
    },
  ]);
  model.stages.forEach((s, si) => {
    const bars: Raw[] = [];
    for (let i = 0; i < s.repeats; i++) {
      const side = s.outputResolution;
      bars.push({
        id: `b${si}-${i}`,
        group: si,
        side,
        channels: s.outChannels,
        title: `stage ${si + 1} block ${i + 1}: ${side}×${side}×${s.outChannels}`,
      });
    }
    groups.push(bars);
  });
  const last = model.stages[model.stages.length - 1];
  groups.push([
    {
      id: 'head',
      group: model.stages.length,
      side: last.outputResolution,
      channels: model.head,
      title: `head: ${last.outputResolution}×${last.outputResolution}×${model.head}`,
    },
  ]);

  const natural =
    groups.reduce((sum, g) => sum + g.reduce((a, b) => a + thickness(b.channels) + GAP, 0), 0) +
    STAGE_GAP * (groups.length - 1);
  const avail = DIAGRAM_WIDTH - 2 * LEFT;
  const squeeze = Math.min(1, avail / natural);
  const mid = TOP + BAR_MAX_H / 2;
  const bars: DiagramBar[] = [];
  const labels: DiagramLabel[] = [];
  let x = LEFT;
  groups.forEach((g, gi) => {
    const start = x;
    for (const b of g) {
      const w = thickness(b.channels) * squeeze;
      const h = height(b.side);
      bars.push({
        id: b.id,
        group: b.group,
        x: round1(x),
        y: round1(mid - h / 2),
        w: round1(Math.max(0.6, w)),
        h: round1(h),
        title: b.title,
      });
      x += w + GAP * squeeze;
    }
    // Stages are labelled with their repeats (the stem and head never repeat; the legend names them).
    if (gi > 0 && gi < groups.length - 1) {
      const lx = round1((start + x - GAP * squeeze) / 2);
      const prev = labels[labels.length - 1];
      const y = prev && lx - prev.x < LABEL_MIN_GAP && prev.y === LABEL_Y ? LABEL_Y + LABEL_ROW : LABEL_Y;
      labels.push({ id: `s${gi - 1}`, x: lx, y, text: String(g.length) });
    }
    x += STAGE_GAP * squeeze;
  });
  return { viewBox: `0 0 ${DIAGRAM_WIDTH} ${DIAGRAM_HEIGHT}`, bars, labels, labelY: LABEL_Y, squeeze };
}
