/**
 * Evidence for sentence claims: what the engine counts in a zoo model's graph (blocks with SE,
 * depthwise kernels, pooling layers, the cost of SE, what the resolution changes), so a reading
 * like "MobileNetV3 uses only 3×3 depthwise convolutions" is answered by a number, not an opinion.
 */
import { analyze, type Analysis, type LayerStats } from '../../engine/index.ts';
import { buildFromSpec, getModel, MODELS, specStats } from '../../models/index.ts';
import { formatCompact, formatShare } from '../charts/number-format.ts';
import type { EvidenceSpec } from './factcheck-claim.ts';

export interface Evidence {
  /** The zoo model it was computed on, if any (linked to its page). */
  readonly model?: string;
  readonly value: number;
  /** One sentence with the computed figures. */
  readonly text: string;
}

const analyses = new Map<string, Analysis>();
function analysisOf(model: string): Analysis {
  let a = analyses.get(model);
  if (!a) {
    a = analyze(buildFromSpec(getModel(model).spec, { name: model }));
    analyses.set(model, a);
  }
  return a;
}

/** The timm block a layer belongs to ("blocks.3.1"), or undefined for the stem, head and classifier. */
export function blockOf(l: LayerStats): string | undefined {
  return /^(blocks\.\d+\.\d+)(\.|$)/.exec(l.node)?.[1];
}

const isDepthwise = (l: LayerStats): boolean => l.opType === 'Conv' && (l.group ?? 1) > 1 && !l.node.includes('.se.');
const isSe = (l: LayerStats): boolean => /\.se(\.|$)/.test(l.node);
const POOLS = new Set(['GlobalAveragePool', 'AveragePool', 'MaxPool', 'GlobalMaxPool']);

/** Blocks of a model, each with whether it has SE and a depthwise conv. */
export function blockTraits(model: string): { block: string; se: boolean; depthwise: boolean }[] {
  const by = new Map<string, { block: string; se: boolean; depthwise: boolean }>();
  for (const l of analysisOf(model).layers) {
    const b = blockOf(l);
    if (!b) continue;
    const t = by.get(b) ?? { block: b, se: false, depthwise: false };
    if (isSe(l)) t.se = true;
    if (isDepthwise(l)) t.depthwise = true;
    by.set(b, t);
  }
  return [...by.values()];
}

/** The evidence an EvidenceSpec names, computed from the zoo's graph. */
export function computeEvidence(spec: EvidenceSpec): Evidence {
  switch (spec.of) {
    case 'stat': {
      const v = specStats(getModel(spec.model).spec)[spec.stat];
      return {
        model: spec.model,
        value: v,
        text: `${spec.model}: ${formatCompact(v)} ${spec.stat === 'params' ? 'parameters' : 'MACs'}`,
      };
    }
    case 'se-blocks': {
      const t = blockTraits(spec.model);
      const n = t.filter((b) => b.se).length;
      return { model: spec.model, value: n, text: `${spec.model}: ${n} of ${t.length} blocks have SE` };
    }
    case 'dw-blocks': {
      const t = blockTraits(spec.model);
      const n = t.filter((b) => b.depthwise).length;
      return {
        model: spec.model,
        value: n,
        text: `${spec.model}: ${n} of ${t.length} blocks are built around a depthwise convolution`,
      };
    }
    case 'dw-kernel': {
      const dw = analysisOf(spec.model).layers.filter(isDepthwise);
      const n = dw.filter((l) => l.kernel?.[0] === spec.k).length;
      return {
        model: spec.model,
        value: n,
        text: `${spec.model}: ${n} of ${dw.length} depthwise convolutions are ${spec.k}×${spec.k}`,
      };
    }
    case 'pooling': {
      const n = analysisOf(spec.model).layers.filter((l) => POOLS.has(l.opType) && !isSe(l)).length;
      return {
        model: spec.model,
        value: n,
        text: `${spec.model}: ${n} pooling layer${n === 1 ? '' : 's'} (global, before the classifier)`,
      };
    }
    case 'se-share': {
      const a = analysisOf(spec.model);
      const se = a.layers.filter(isSe);
      const params = se.reduce((s, l) => s + l.params, 0);
      const macs = se.reduce((s, l) => s + l.macs, 0);
      return {
        model: spec.model,
        value: params,
        text: `${spec.model}: its SE layers add ${formatCompact(params)} parameters (${formatShare(params / a.params)} of the model) and ${formatCompact(macs)} MACs; they remove none`,
      };
    }
    case 'fused-se': {
      const fused = blockTraits(spec.model).filter((b) => !b.depthwise);
      const n = fused.filter((b) => b.se).length;
      return {
        model: spec.model,
        value: n,
        text: `${spec.model}: ${n} of its ${fused.length} fused blocks (no depthwise conv) have SE`,
      };
    }
    case 'params-at':
    case 'macs-at': {
      const stat = spec.of === 'params-at' ? 'params' : 'macs';
      const v = specStats(getModel(spec.model).spec, { resolution: spec.resolution })[stat];
      return {
        model: spec.model,
        value: v,
        text: `${spec.model} at ${spec.resolution}×${spec.resolution}: ${formatCompact(v)} ${stat === 'params' ? 'parameters' : 'MACs'}`,
      };
    }
    case 'separable-ratio': {
      const { c, k } = spec;
      // Per output pixel: depthwise k²·c plus pointwise c·c, over a full k×k conv's k²·c·c (MobileNetV1 §3.1).
      const v = (k * k * c + c * c) / (k * k * c * c);
      return {
        value: v,
        text: `depthwise ${k}×${k} + pointwise on ${c} channels: ${formatShare(v)} of a full ${k}×${k} convolution's MACs`,
      };
    }
    case 'family-params': {
      // ImageNet-1k models only: a 21k head is the same network with a bigger classifier.
      const rows = MODELS.filter((m) => m.family === spec.family && !m.headOf).map((m) => ({
        id: m.id,
        params: specStats(m.spec).params,
      }));
      if (rows.length === 0) throw new Error(`computeEvidence: no zoo model of family "${spec.family}"`);
      const best = rows.reduce((a, b) => ((spec.pick === 'min' ? b.params < a.params : b.params > a.params) ? b : a));
      return {
        model: best.id,
        value: best.params,
        text: `${spec.pick === 'min' ? 'smallest' : 'largest'} ${spec.family} in the zoo: ${best.id}, ${formatCompact(best.params)} parameters`,
      };
    }
  }
}
