/**
 * Lesson 1's MACs-against-bytes chart as kit data: rooflineChart's positions as one Scene (grid,
 * axes through axisMarks, the memory-bound zone and ridge, a dot per layer, the two share bars), the legend and the
 * read-outs. RooflineChart.astro renders them at build time and <roofline-chart>
 * (roofline-element.ts) after every change.
 */
import { formatShare } from '../charts/number-format.ts';
import type { ControlSpec, Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import { seriesClass } from '../kit/series-class.ts';
import { LAYER_KIND_LABEL, type LayerKind, type LayerTraffic } from './roofline.ts';
import { BALANCES, rooflineChart, sig3, type RooflineChart } from './roofline-chart.ts';
import { axisMarks } from '../charts/axes.ts';
import { logScale } from '../charts/scale.ts';

/** Dot radius; CSS sizes the dots per screen (r is a CSS property), this is the fallback. */
const DOT_R = 4.5;

/** Each kind of layer's palette slot (seriesClass): its points, its bar segments and its legend swatch. */
const KIND_COLOUR: Record<LayerKind, number> = { stem: 6, conv: 7, depthwise: 2, pointwise: 1, se: 4, linear: 3 };
const kindClass = (kind: LayerKind): string => `${kind} ${seriesClass(KIND_COLOUR[kind])}`;

export function rooflineScene(
  model: string,
  layers: readonly LayerTraffic[],
  balance: number,
  selected: string,
): Scene {
  const c = rooflineChart(layers, balance);
  const p = c.plot;
  const marks: Mark[] = [];
  // Axes through the one tick module: the chart's log scales, rebuilt from its first and last tick.
  const through = (t: RooflineChart['xTicks']) => logScale([t[0].value, t.at(-1)!.value], [t[0].pos, t.at(-1)!.pos]);
  const labelOf = (t: RooflineChart['xTicks']) => (v: number) => t.find((k) => k.value === v)!.label;
  for (const t of c.yTicks)
    marks.push({ kind: 'line', key: `y-${t.label}`, class: 'gridline', x1: p.left, x2: p.right, y1: t.pos, y2: t.pos });
  for (const [orient, ticks] of [
    ['left', c.yTicks],
    ['bottom', c.xTicks],
  ] as const)
    marks.push(
      ...axisMarks(through(ticks), {
        orient,
        at: orient === 'left' ? p.left : p.bottom,
        tickValues: ticks.map((t) => t.value),
        format: labelOf(ticks),
        tickSize: 0,
        key: orient === 'left' ? 'y' : 'x',
      }),
    );
  marks.push(
    {
      kind: 'text',
      key: 'x-title',
      class: 'axis',
      x: (p.left + p.right) / 2,
      y: p.bottom + 38,
      text: 'MACs per byte moved (log)',
      anchor: 'middle',
    },
    {
      kind: 'text',
      key: 'y-title',
      class: 'axis',
      x: 20,
      y: (p.top + p.bottom) / 2,
      text: 'MACs (log)',
      anchor: 'middle',
      rotate: -90,
    },
    {
      kind: 'rect',
      key: 'memory-zone',
      class: 'memory-zone',
      x: p.left,
      y: p.top,
      width: c.ridgeX - p.left,
      height: p.bottom - p.top,
    },
    { kind: 'line', key: 'ridge', class: 'ridge', x1: c.ridgeX, x2: c.ridgeX, y1: p.top, y2: p.bottom },
    { kind: 'text', key: 'zone-label', class: 'zone-label', x: p.left + 6, y: p.top + 14, text: 'memory-bound' },
  );
  for (const d of c.dots) {
    const cls = ['dot', kindClass(d.kind), d.memoryBound ? 'bound' : '', d.node === selected ? 'selected' : '']
      .filter(Boolean)
      .join(' ');
    marks.push({
      kind: 'circle',
      key: d.node,
      class: cls,
      cx: d.x,
      cy: d.y,
      r: DOT_R,
      title: d.node,
      data: { node: d.node },
    });
  }
  for (const b of c.bars) {
    marks.push({ kind: 'text', key: `bar-${b.label}`, class: 'tick', x: p.left, y: b.y - 5, text: b.label });
    for (const s of b.segments) {
      marks.push({
        kind: 'rect',
        key: `bar-${b.label}-${s.kind}`,
        class: `seg ${kindClass(s.kind)}`,
        x: s.x,
        y: b.y,
        width: s.width,
        height: c.barHeight,
        data: { kind: s.kind, bar: b.label },
      });
    }
  }
  return {
    width: c.width,
    height: c.height,
    label: `${model}: MACs against arithmetic intensity for ${layers.length} layers; ${c.summary.memoryBoundLayers} are memory-bound at this balance`,
    marks,
  };
}

/** One legend entry per layer kind the model has. */
export function rooflineLegend(layers: readonly LayerTraffic[], balance: number): { label: string; class: string }[] {
  return rooflineChart(layers, balance).summary.kinds.map((k) => ({
    label: LAYER_KIND_LABEL[k.kind],
    class: kindClass(k.kind),
  }));
}

export function rooflineReadouts(layers: readonly LayerTraffic[], balance: number): Readout[] {
  const s = rooflineChart(layers, balance).summary;
  const dw = s.kinds.find((k) => k.kind === 'depthwise');
  return [
    { key: 'bound', label: 'Memory-bound layers', value: `${s.memoryBoundLayers} of ${s.totalLayers}` },
    { key: 'dw-macs', label: 'Depthwise: share of MACs', value: formatShare(dw?.macShare ?? 0) },
    { key: 'dw-time', label: 'Depthwise: share of time', value: formatShare(dw?.timeShare ?? 0) },
    { key: 'slowdown', label: 'Time ÷ MAC count', value: `${sig3(s.slowdown)}×` },
  ];
}

/**
 * The chart's two controls: the machine balance as a kit range whose named stops are BALANCES (the
 * slider holds the stop index; its ends say what low and high balance mean), and the layer picker.
 */
export function rooflineControls(layers: readonly LayerTraffic[], balance: number, selected: string): ControlSpec[] {
  const at = BALANCES.indexOf(balance as (typeof BALANCES)[number]);
  if (at < 0) throw new Error(`rooflineControls: balance ${balance} is not one of ${BALANCES.join(', ')}`);
  return [
    {
      kind: 'range',
      name: 'balance',
      label: 'Machine balance B',
      value: at,
      min: 0,
      max: BALANCES.length - 1,
      step: 1,
      stops: BALANCES.map(String),
      unit: 'MACs per byte',
      ends: ['plenty of bandwidth', 'starved'],
    },
    {
      kind: 'select',
      name: 'layer',
      label: 'Layer to inspect (or click a dot)',
      value: selected,
      options: layers.map((l) => ({ value: l.node, label: `${l.node} · ${LAYER_KIND_LABEL[l.kind]}` })),
    },
  ];
}
