/**
 * `depthwise summary <model.onnx | zoo-id> [--json] [--input-shape name=1,3,224,224]`: the
 * per-layer table of a model from static analysis alone (nothing is run, so zoo graphs whose
 * weights are only declared work too), and the totals. MACs follow published.md §1; FLOPs are
 * reported as 2 × MACs and labelled so.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { analyze, type Analysis, type LayerStats } from '../../lib/engine/index.ts';
import type { Graph } from '../../lib/engine/graph.ts';
import { importOnnx } from '../../lib/engine/onnx/import-onnx.ts';

export const summary = 'per-layer table (shapes, params, MACs, activation bytes) of an .onnx file or zoo model';

/** Parses `--input-shape name=1,3,224,224` flags (repeatable) into a name → dims record. */
export function parseInputShapes(args: readonly string[]): Record<string, number[]> {
  const shapes: Record<string, number[]> = {};
  args.forEach((a, i) => {
    if (a !== '--input-shape') return;
    const spec = args[i + 1] ?? '';
    const eq = spec.lastIndexOf('=');
    const dims = spec
      .slice(eq + 1)
      .split(',')
      .map(Number);
    if (eq <= 0 || dims.some((d) => !Number.isSafeInteger(d) || d < 0)) {
      throw new Error(`--input-shape expects name=d0,d1,… (e.g. input=1,3,224,224), got '${spec}'`);
    }
    shapes[spec.slice(0, eq)] = dims;
  });
  return shapes;
}

/** An .onnx path, or a zoo model id when no such file exists. */
export async function loadGraph(source: string, inputShapes: Record<string, number[]>): Promise<Graph> {
  if (source.endsWith('.onnx') || existsSync(source)) {
    return importOnnx(new Uint8Array(await readFile(source)), { inputShapes });
  }
  // Not a file: a zoo id (getModel throws naming close ids when it is neither).
  const { buildModel } = await import('../../lib/models/index.ts');
  return buildModel(source);
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const shape = (dims: readonly (readonly number[])[]): string => dims.map((d) => `[${d.join('×')}]`).join(' ');

/** The dims of a node's activation inputs: weights (initializers, declared) have their own column, params. */
function activationDims(graph: Graph, l: LayerStats): number[][] {
  const node = graph.nodes.find((n) => n.name === l.node);
  if (!node) return l.inputDims;
  // analyze() gives one entry per node input, omitted optional inputs ('') included.
  const isWeight = (x: string) => graph.initializers.has(x) || graph.declared?.has(x) === true;
  return l.inputDims.filter((_, i) => node.inputs[i] !== '' && !isWeight(node.inputs[i]));
}

/** The table as lines of text: one row per node, then the totals. */
export function formatTable(a: Analysis, graph: Graph): string[] {
  const header = ['name', 'op', 'kernel', 'stride', 'groups', 'input → output', 'params', 'MACs', 'act bytes'];
  const rows = a.layers.map((l: LayerStats) => [
    l.node,
    l.opType,
    l.kernel ? l.kernel.join('×') : '',
    l.stride ? l.stride.join('×') : '',
    l.group !== undefined ? String(l.group) : '',
    `${shape(activationDims(graph, l))} → ${shape(l.outputDims)}`,
    fmt(l.params),
    fmt(l.macs),
    fmt(l.activationBytes),
  ]);
  const numeric = new Set([4, 6, 7, 8]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r
      .map((v, c) => (numeric.has(c) ? v.padStart(widths[c]) : v.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `params ${fmt(a.params)} · MACs ${fmt(a.macs)} · FLOPs (2 × MACs) ${fmt(a.flops)} · activations ${fmt(a.activationBytes)} B · peak live ${fmt(a.peakLiveBytes)} B`,
  ];
}

export async function run(args: string[]): Promise<number> {
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--input-shape');
  if (positional.length !== 1) {
    console.error('usage: depthwise summary <model.onnx | zoo-id> [--json] [--input-shape name=1,3,224,224]');
    return 2;
  }
  const graph = await loadGraph(positional[0], parseInputShapes(args));
  const a = analyze(graph);
  if (args.includes('--json')) {
    const { params, macs, flops, activationBytes, peakLiveBytes, layers } = a;
    console.log(JSON.stringify({ params, macs, flops, activationBytes, peakLiveBytes, layers }, null, 2));
  } else {
    console.log(formatTable(a, graph).join('\n'));
  }
  return 0;
}
