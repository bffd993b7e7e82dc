/**
 * Lesson 3's morph as kit data: the connection diagram of a stage (morphGeometry) as a Scene, the
 * read-outs and the captions that change with it. SeparableMorph.astro renders these at build time
 * and <separable-morph> (separable-morph-element.ts) again after every change.
 */
import { formatInt } from '../charts/number-format.ts';
import type { ControlSpec, Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import { seriesClass } from '../kit/series-class.ts';
import {
  morphGeometry,
  morphStages,
  stageCost,
  stageName,
  type MorphLayer,
  type MorphStage,
} from './separable-morph.ts';

/** Lines first (under the nodes), then each column's label and drawn channels. */
export function morphScene(layer: MorphLayer, stage: MorphStage): Scene {
  const geo = morphGeometry(layer, stage);
  const marks: Mark[] = geo.edges.map((e) => ({
    kind: 'line',
    key: e.key,
    class: `edge ${e.group < 0 ? 'pw' : seriesClass(e.group + 1)}`,
    x1: e.x1,
    y1: e.y1,
    x2: e.x2,
    y2: e.y2,
  }));
  geo.columns.forEach((c, ci) => {
    marks.push({ kind: 'text', key: `col-${ci}`, class: 'col-label', x: c.x, y: 16, text: c.label, anchor: 'middle' });
    c.nodes.forEach((n, ni) =>
      marks.push({
        kind: 'rect',
        key: `node-${ci}-${ni}`,
        class: 'node',
        x: n.x - geo.node / 2,
        y: n.y - geo.node / 2,
        width: geo.node,
        height: geo.node,
        rx: 2,
      }),
    );
  });
  return {
    width: geo.width,
    height: geo.height,
    label: `Connections of the ${stageName(stage)}: ${layer.label}`,
    marks,
  };
}

/** What one drawn square and one line stand for at this stage. */
export function morphDrawnText(layer: MorphLayer, stage: MorphStage): string {
  const geo = morphGeometry(layer, stage);
  return `Each square stands for ${formatInt(geo.channelsPerNode[0]!)} input channels; each line is one k×k filter slice (${layer.k}×${layer.k} weights per real channel pair).`;
}

/** Width of the "this stage" cost bar, as a share of the standard conv (never thinner than 0.4 % so it stays visible). */
export function morphBarWidth(layer: MorphLayer, stage: MorphStage): string {
  return `${Math.max(stageCost(layer, stage).ratio * 100, 0.4).toFixed(2)}%`;
}

export function morphReadouts(layer: MorphLayer, stage: MorphStage): Readout[] {
  const cost = stageCost(layer, stage);
  return [
    { key: 'macs', label: 'MACs, this stage', value: formatInt(cost.macs) },
    {
      key: 'standard-macs',
      label: 'MACs, standard conv',
      value: formatInt(stageCost(layer, { kind: 'standard' }).macs),
    },
    { key: 'params', label: 'Parameters', value: formatInt(cost.params) },
    { key: 'ratio', label: 'Cost ratio', value: cost.ratio.toPrecision(3) },
  ];
}

/**
 * The morph slider of a layer: a kit range whose named stops are the layer's stages (their number
 * depends on which group counts divide its channels), from standard to separable.
 */
export function morphStageControl(layer: MorphLayer, stage: number): ControlSpec {
  const stages = morphStages(layer);
  return {
    kind: 'range',
    name: 'stage',
    label: 'Morph:',
    value: Math.min(stage, stages.length - 1),
    min: 0,
    max: stages.length - 1,
    step: 1,
    stops: stages.map(stageName),
    ends: ['standard', 'separable'],
  };
}

/** The layer picker (the paper's Table 1 rows) and the layer's morph slider. */
export function morphControls(
  model: string,
  layers: readonly MorphLayer[],
  layer: number,
  stage: number,
): ControlSpec[] {
  return [
    {
      kind: 'select',
      name: 'layer',
      label: `Layer of ${model} (paper Table 1)`,
      value: String(layer),
      options: layers.map((l, i) => ({ value: String(i), label: l.label })),
    },
    morphStageControl(layers[layer]!, stage),
  ];
}
