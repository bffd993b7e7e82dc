/**
 * Blocks per stage of V2-S, M, L or XL (bars), with V2-S's blocks outlined behind them, so the
 * reader sees where §3.4's scaling puts the extra layers. Pure geometry from the models' data
 * (effv2-scaling.ts at build time), so the browser redraws it without the zoo.
 */
import type { Mark, Scene } from '../kit/marks.ts';
import type { Readout } from '../kit/controls.ts';
import { formatCompact } from '../charts/number-format.ts';
import type { V2Model, V2Size } from './effv2-scaling.ts';

export type V2Models = Readonly<Record<V2Size, V2Model>>;
const LABELS: Readonly<Record<V2Size, string>> = { s: 'V2-S', m: 'V2-M', l: 'V2-L', xl: 'V2-XL' };
const px = (v: number): number => Math.round(v * 10) / 10;

const W = 640;
const H = 260;
const PAD = { left: 44, right: 12, top: 26, bottom: 40 };

export function scalingScene(models: V2Models, size: V2Size): Scene {
  const m = models[size];
  const s = models.s;
  const xl = models.xl;
  const stages = xl.stages.length;
  const max = Math.ceil(Math.max(...xl.stages.map((st) => st.blocks)) / 8) * 8;
  const bottom = H - PAD.bottom;
  const y = (v: number): number => bottom - (v / max) * (bottom - PAD.top);
  const band = (W - PAD.left - PAD.right) / stages;
  const bw = Math.min(44, band * 0.6);
  const marks: Mark[] = [];
  for (let v = 0; v <= max; v += 8) {
    marks.push({
      kind: 'line',
      key: `grid-${v}`,
      class: 'grid',
      x1: PAD.left,
      x2: W - PAD.right,
      y1: px(y(v)),
      y2: px(y(v)),
    });
    marks.push({
      kind: 'text',
      key: `tick-${v}`,
      class: 'tick',
      x: PAD.left - 6,
      y: px(y(v)),
      text: String(v),
      anchor: 'end',
      baseline: 'middle',
    });
  }
  for (let i = 0; i < stages; i++) {
    const cx = PAD.left + band * (i + 0.5);
    const st = m.stages[i];
    const base = s.stages[i];
    if (st) {
      marks.push({
        kind: 'rect',
        key: `bar-${i}`,
        class: `bar ${st.kind === 'MBConv' ? 'mbconv' : 'fused'}`,
        x: px(cx - bw / 2),
        y: px(y(st.blocks)),
        width: px(bw),
        height: px(bottom - y(st.blocks)),
        title: `Stage ${i + 1}: ${st.blocks} ${st.kind} blocks, ${st.channels} channels`,
        data: { stage: i + 1, blocks: st.blocks },
      });
      marks.push({
        kind: 'text',
        key: `count-${i}`,
        class: 'value',
        x: px(cx),
        y: px(y(st.blocks) - 4),
        text: String(st.blocks),
        anchor: 'middle',
      });
    }
    if (base)
      marks.push({
        kind: 'rect',
        key: `base-${i}`,
        class: 'base',
        x: px(cx - bw / 2),
        y: px(y(base.blocks)),
        width: px(bw),
        height: px(bottom - y(base.blocks)),
      });
    marks.push({
      kind: 'text',
      key: `stage-${i}`,
      class: 'tick',
      x: px(cx),
      y: bottom + 24,
      text: String(i + 1),
      anchor: 'middle',
    });
  }
  marks.push({ kind: 'line', key: 'axis', class: 'axis', x1: PAD.left, x2: W - PAD.right, y1: bottom, y2: bottom });
  return { width: W, height: H, label: `Blocks per stage of ${LABELS[size]}, with V2-S outlined`, marks };
}

export function scalingReadouts(models: V2Models, size: V2Size): Readout[] {
  const m = models[size];
  return [
    { key: 'resolution', label: 'Inference image', value: `${m.resolution} px` },
    { key: 'blocks', label: 'Blocks', value: String(m.blocks) },
    { key: 'params', label: 'Parameters', value: formatCompact(m.params) },
    { key: 'macs', label: 'MACs', value: formatCompact(m.macs) },
  ];
}
