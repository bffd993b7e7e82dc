/**
 * Answers for predict-then-reveal questions, computed at build time from a description of what
 * is asked, so a lesson never types an answer by hand. `<Question answer={…}>` passes its
 * `answer` prop here; every kind below names where its number comes from:
 *
 *   { kind: 'conv-macs' | 'conv-params', layer: { h, w, cin, cout, k, stride?, groups?, padding?, bias? } }
 *       one convolution layer, by `conv-cost.ts` (the cost formula of lesson 2).
 *   { kind: 'output-size', size, k, stride?, pad?, dilation? }
 *       output length along one axis, by `lesson-window.ts`.
 *   { kind: 'separable-ratio', cin, cout, k }
 *       MACs of depthwise k×k + pointwise 1×1 over a standard k×k conv (MobileNetV1 §3.1): 1/N + 1/k².
 *   { kind: 'model', model, stat: 'params' | 'paramBytes' | 'macs' | 'flops' | 'activationBytes' | 'peakLiveBytes', width?, resolution? }
 *       a whole zoo model (timm id), through the engine's `analyze` (zoo `specStats`); paramBytes =
 *       4 bytes per float32 parameter, flops = 2 × MACs.
 *   { kind: 'layers', model, stat: 'macs' | 'params' | 'bytes' | 'intensity' | 'count', node?, scope?, layerKind?, width?, resolution? }
 *       the layers of a zoo model that match every given filter (exact node name, scope prefix,
 *       layer kind from `roofline.ts`), summed; intensity = their MACs over their bytes.
 *   { kind: 'ratio', of: Spec, to: Spec }        of ÷ to (a share when `of` is part of `to`).
 *   { kind: 'sum', of: Spec[] }                  the sum of answers with the same unit.
 *   { kind: 'computed', value, unit, source }    a number a lesson computed by calling a library
 *       function in its MDX (e.g. a scaling formula); `source` names the function, and the value
 *       must be that call's result, never a literal.
 */
import { analyze, type Analysis } from '../../engine/index.ts';
import { buildFromSpec, getModel, specStats } from '../../models/index.ts';
import { convCost, convProblem, type ConvLayer } from './conv-cost.ts';
import { outputSize } from './lesson-window.ts';
import { formatBytes, formatCompact, formatInt, formatShare, formatSig } from '../charts/number-format.ts';
import type { AnswerUnit } from './question.ts';
import { LAYER_KINDS, modelTraffic, type LayerKind } from './roofline.ts';

export type ConvLayerSpec = Partial<ConvLayer> & Pick<ConvLayer, 'h' | 'w' | 'cin' | 'cout' | 'k'>;
export type ModelStat = 'params' | 'paramBytes' | 'macs' | 'flops' | 'activationBytes' | 'peakLiveBytes';
export type LayersStat = 'macs' | 'params' | 'bytes' | 'intensity' | 'count';

export type AnswerSpec =
  | { kind: 'conv-macs'; layer: ConvLayerSpec }
  | { kind: 'conv-params'; layer: ConvLayerSpec }
  | { kind: 'output-size'; size: number; k: number; stride?: number; pad?: number; dilation?: number }
  | { kind: 'separable-ratio'; cin: number; cout: number; k: number }
  | { kind: 'model'; model: string; stat: ModelStat; width?: number; resolution?: number }
  | {
      kind: 'layers';
      model: string;
      stat: LayersStat;
      node?: string;
      scope?: string;
      layerKind?: LayerKind;
      width?: number;
      resolution?: number;
    }
  | { kind: 'ratio'; of: AnswerSpec; to: AnswerSpec }
  | { kind: 'sum'; of: AnswerSpec[] }
  | { kind: 'computed'; value: number; unit: AnswerUnit; source: string };

export interface ResolvedAnswer {
  readonly value: number;
  readonly unit: AnswerUnit;
  /** The answer as the reveal shows it, e.g. "3,612,672 MACs (3.61 M)". */
  readonly text: string;
}

/** A malformed answer description; the message says what was received and what was expected. */
export class AnswerSpecError extends Error {}

const KINDS = [
  'conv-macs',
  'conv-params',
  'output-size',
  'separable-ratio',
  'model',
  'layers',
  'ratio',
  'sum',
  'computed',
] as const;
const MODEL_STATS: readonly ModelStat[] = ['params', 'paramBytes', 'macs', 'flops', 'activationBytes', 'peakLiveBytes'];
const LAYERS_STATS: readonly LayersStat[] = ['macs', 'params', 'bytes', 'intensity', 'count'];
const UNITS: readonly AnswerUnit[] = ['macs', 'flops', 'params', 'bytes', 'ratio', 'pixels', 'count', 'macs-per-byte'];

const shown = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

function fail(where: string, expected: string, received: unknown): never {
  throw new AnswerSpecError(`${where} expects ${expected}; received ${shown(received)}`);
}

function int(where: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) fail(where, `a whole number ≥ ${min}`, v);
  return v;
}

/** `v` when it is one of `list`, else an AnswerSpecError naming them. */
function oneOf<T extends string>(where: string, v: unknown, list: readonly T[]): T {
  return list.includes(v as T) ? (v as T) : fail(where, `one of ${list.join(', ')}`, v);
}

const zooModel = (where: string, v: unknown): string =>
  typeof v === 'string' ? v : fail(where, 'a zoo model id such as "mobilenetv2_100"', v);

/** The optional width and resolution a model is asked at (spec kinds 'model' and 'layers'). */
function sizing(where: string, s: Record<string, unknown>): { width?: number; resolution?: number } {
  return {
    width: s.width === undefined ? undefined : positive(`${where}.width`, s.width),
    resolution: s.resolution === undefined ? undefined : int(`${where}.resolution`, s.resolution, 1),
  };
}

function positive(where: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) fail(where, 'a positive number', v);
  return v;
}

// One analysis per model variant per build: several questions on a page ask about the same model.
const analyses = new Map<string, Analysis>();
function analysisOf(model: string, width?: number, resolution?: number): Analysis {
  const key = `${model}|${width ?? ''}|${resolution ?? ''}`;
  let a = analyses.get(key);
  if (!a) {
    let entry;
    try {
      entry = getModel(model);
    } catch (e) {
      throw new AnswerSpecError(`answer.model: ${(e as Error).message}`);
    }
    a = analyze(buildFromSpec(entry.spec, { width, resolution, name: model }));
    analyses.set(key, a);
  }
  return a;
}

function convLayer(where: string, v: unknown): ConvLayer {
  if (typeof v !== 'object' || v === null)
    fail(where, 'an object { h, w, cin, cout, k, stride?, groups?, padding?, bias? }', v);
  const o = v as Record<string, unknown>;
  const layer: ConvLayer = {
    h: int(`${where}.h`, o.h, 1),
    w: int(`${where}.w`, o.w, 1),
    cin: int(`${where}.cin`, o.cin, 1),
    cout: int(`${where}.cout`, o.cout, 1),
    k: int(`${where}.k`, o.k, 1),
    stride: o.stride === undefined ? 1 : int(`${where}.stride`, o.stride, 1),
    groups: o.groups === undefined ? 1 : int(`${where}.groups`, o.groups, 1),
    padding:
      o.padding === undefined
        ? 'same'
        : o.padding === 'same' || o.padding === 'valid'
          ? o.padding
          : fail(`${where}.padding`, '"same" or "valid"', o.padding),
    bias:
      o.bias === undefined
        ? false
        : typeof o.bias === 'boolean'
          ? o.bias
          : fail(`${where}.bias`, 'true or false', o.bias),
  };
  const problem = convProblem(layer);
  if (problem) throw new AnswerSpecError(`${where} is not a valid convolution: ${problem}`);
  return layer;
}

/** The number and unit an answer description stands for. */
export function answerValue(spec: unknown, where = 'answer'): { value: number; unit: AnswerUnit } {
  if (typeof spec !== 'object' || spec === null || !KINDS.includes((spec as { kind: never }).kind)) {
    fail(where, `an object whose kind is one of ${KINDS.map((k) => `"${k}"`).join(', ')}`, spec);
  }
  const s = spec as Record<string, unknown> & { kind: (typeof KINDS)[number] };
  switch (s.kind) {
    case 'conv-macs':
      return { value: convCost(convLayer(`${where}.layer`, s.layer)).macs, unit: 'macs' };
    case 'conv-params':
      return { value: convCost(convLayer(`${where}.layer`, s.layer)).params, unit: 'params' };
    case 'output-size': {
      const size = int(`${where}.size`, s.size, 1);
      const k = int(`${where}.k`, s.k, 1);
      const stride = s.stride === undefined ? 1 : int(`${where}.stride`, s.stride, 1);
      const pad = s.pad === undefined ? 0 : int(`${where}.pad`, s.pad, 0);
      const dilation = s.dilation === undefined ? 1 : int(`${where}.dilation`, s.dilation, 1);
      const value = outputSize(size, k, stride, pad, dilation);
      if (value === 0)
        throw new AnswerSpecError(
          `${where}: the dilated kernel does not fit the padded input, so there is no output to ask about`,
        );
      return { value, unit: 'pixels' };
    }
    case 'separable-ratio': {
      const cin = int(`${where}.cin`, s.cin, 1);
      const cout = int(`${where}.cout`, s.cout, 1);
      const k = int(`${where}.k`, s.k, 1);
      // Per output position: depthwise k²·C_in plus pointwise C_in·C_out, over standard k²·C_in·C_out.
      return { value: (k * k * cin + cin * cout) / (k * k * cin * cout), unit: 'ratio' };
    }
    case 'model': {
      const model = zooModel(`${where}.model`, s.model);
      const stat = oneOf(`${where}.stat`, s.stat, MODEL_STATS);
      const { width, resolution } = sizing(where, s);
      let stats;
      try {
        stats = specStats(getModel(model).spec, { width, resolution });
      } catch (e) {
        throw new AnswerSpecError(`${where}.model: ${(e as Error).message}`);
      }
      const value = stat === 'flops' ? 2 * stats.macs : stat === 'paramBytes' ? 4 * stats.params : stats[stat];
      return {
        value,
        unit: stat === 'params' ? 'params' : stat === 'macs' ? 'macs' : stat === 'flops' ? 'flops' : 'bytes',
      };
    }
    case 'layers': {
      const model = zooModel(`${where}.model`, s.model);
      const stat = oneOf(`${where}.stat`, s.stat, LAYERS_STATS);
      if (s.node !== undefined && typeof s.node !== 'string')
        fail(`${where}.node`, 'a node name such as "blocks.1.0.conv_dw"', s.node);
      if (s.scope !== undefined && typeof s.scope !== 'string')
        fail(`${where}.scope`, 'a scope prefix such as "blocks.1"', s.scope);
      if (s.layerKind !== undefined) oneOf(`${where}.layerKind`, s.layerKind, LAYER_KINDS);
      const { width, resolution } = sizing(where, s);
      const all = modelTraffic(analysisOf(model, width, resolution));
      const scope = s.scope as string | undefined;
      const picked = all.filter(
        (l) =>
          (s.node === undefined || l.node === s.node) &&
          (scope === undefined || l.scope === scope || l.scope.startsWith(`${scope}.`)) &&
          (s.layerKind === undefined || l.kind === s.layerKind),
      );
      if (picked.length === 0) {
        const sample = all
          .slice(0, 4)
          .map((l) => l.node)
          .join(', ');
        throw new AnswerSpecError(
          `${where}: no layer of ${model} matches ${shown({ node: s.node, scope, layerKind: s.layerKind })} (layers are named like ${sample}, …)`,
        );
      }
      const macs = picked.reduce((a, l) => a + l.macs, 0);
      const bytes = picked.reduce((a, l) => a + l.bytes, 0);
      if (stat === 'macs') return { value: macs, unit: 'macs' };
      if (stat === 'params') return { value: picked.reduce((a, l) => a + l.params, 0), unit: 'params' };
      if (stat === 'bytes') return { value: bytes, unit: 'bytes' };
      if (stat === 'count') return { value: picked.length, unit: 'count' };
      return { value: macs / bytes, unit: 'macs-per-byte' };
    }
    case 'ratio': {
      const of = answerValue(s.of, `${where}.of`);
      const to = answerValue(s.to, `${where}.to`);
      if (to.value === 0) throw new AnswerSpecError(`${where}.to is 0, so the ratio is undefined`);
      return { value: of.value / to.value, unit: 'ratio' };
    }
    case 'sum': {
      if (!Array.isArray(s.of) || s.of.length === 0) fail(`${where}.of`, 'a non-empty list of answers', s.of);
      const parts = (s.of as unknown[]).map((p, i) => answerValue(p, `${where}.of[${i}]`));
      const units = new Set(parts.map((p) => p.unit));
      if (units.size > 1)
        throw new AnswerSpecError(`${where}.of mixes units (${[...units].join(', ')}); a sum needs one unit`);
      return { value: parts.reduce((a, p) => a + p.value, 0), unit: parts[0].unit };
    }
    case 'computed': {
      if (typeof s.value !== 'number' || !Number.isFinite(s.value))
        fail(`${where}.value`, 'a finite number returned by a library function', s.value);
      oneOf(`${where}.unit`, s.unit, UNITS);
      if (typeof s.source !== 'string' || s.source.trim().length < 3)
        fail(`${where}.source`, 'the name of the function that computed the value', s.source);
      return { value: s.value as number, unit: s.unit as AnswerUnit };
    }
  }
}

/** Writes an answer out for the reveal. */
export function formatAnswer(value: number, unit: AnswerUnit): string {
  switch (unit) {
    case 'macs':
    case 'flops':
    case 'params': {
      const word = unit === 'macs' ? 'MACs' : unit === 'flops' ? 'FLOPs' : 'parameters';
      return Math.abs(value) >= 1e4
        ? `${formatInt(value)} ${word} (${formatCompact(value)})`
        : `${formatInt(value)} ${word}`;
    }
    case 'bytes':
      return value >= 1024 ? `${formatBytes(value)} (${formatInt(value)} bytes)` : `${formatInt(value)} bytes`;
    case 'pixels':
      return `${formatInt(value)} pixels`;
    case 'count':
      return formatInt(value);
    case 'macs-per-byte':
      return `${formatSig(value)} MACs per byte`;
    case 'ratio':
      return value < 1 ? `${formatSig(value)} (${formatShare(value)})` : `${formatSig(value)}×`;
  }
}

/** Resolves an answer description to its value, unit and text. */
export function resolveAnswer(spec: unknown): ResolvedAnswer {
  const { value, unit } = answerValue(spec);
  return { value, unit, text: formatAnswer(value, unit) };
}
