/**
 * Build-time plan for a lesson's step cell: which model to load, which nodes it steps through, and
 * the static op list (shapes and MACs from the engine's `analyze`) that the page shows with
 * JavaScript off. Reads `public/models/manifest.json` and the block's `.onnx` from disk, so it runs
 * only in Astro frontmatter, never in the browser. Bad props fail the build with a message that
 * says what was received and what was expected.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, groupSteps, type Graph } from '~/lib/engine/index.ts';
import { importOnnx } from '~/lib/engine/onnx/index.ts';
import { buildModel, MODELS } from '~/lib/models/index.ts';
import { expectString, failProp } from '~/components/lesson/props.ts';
import { isStepOp } from '~/lib/viz/debugger/step-timeline.ts';
import type { ModelSource } from './protocol.ts';

export interface CellOp {
  readonly index: number;
  readonly name: string;
  readonly opType: string;
  readonly scope: string;
  readonly inputDims: readonly (readonly number[])[];
  readonly outputDims: readonly (readonly number[])[];
  readonly macs: number;
  readonly params: number;
}

export interface CellPlan {
  readonly source: ModelSource;
  readonly scope?: string;
  readonly title: string;
  readonly ops: readonly CellOp[];
  readonly macs: number;
  readonly params: number;
  /** 'image': a preprocessed sample image feeds the model; 'random': a seeded N(0, 1) tensor feeds the block. */
  readonly input: 'image' | 'random';
  readonly inputDims: readonly number[];
}

interface ManifestEntry {
  readonly name: string;
  readonly file: string;
  readonly title?: string;
}

const MODELS_DIR = (): string => join(process.cwd(), 'public', 'models');

/** The block list, tolerant of the manifest's shape: an array, or { models | blocks | files: [...] } or a name → entry map. */
export function readManifest(dir = MODELS_DIR()): ManifestEntry[] {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return [];
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const obj = raw as Record<string, unknown>;
  const list: unknown[] = Array.isArray(raw)
    ? raw
    : Array.isArray(obj.models)
      ? obj.models
      : Array.isArray(obj.blocks)
        ? obj.blocks
        : Array.isArray(obj.files)
          ? obj.files
          : Object.entries(obj)
              .filter(([, v]) => v && typeof v === 'object')
              .map(([k, v]) => ({ name: k, ...(v as object) }));
  return list.flatMap((e) => {
    const r = e as Record<string, unknown>;
    const file = [r.file, r.path, r.onnx].find((v): v is string => typeof v === 'string');
    const name =
      [r.name, r.id].find((v): v is string => typeof v === 'string') ??
      file?.replace(/^.*\//, '').replace(/\.onnx$/, '');
    const title = typeof r.title === 'string' ? { title: r.title } : {};
    return file && name ? [{ name, file: file.replace(/^.*\//, ''), ...title }] : [];
  });
}

export function opsOf(graph: Graph, start: number, end: number): { ops: CellOp[]; macs: number; params: number } {
  const stats = new Map(analyze(graph).layers.map((l) => [l.node, l]));
  const ops: CellOp[] = [];
  let macs = 0;
  let params = 0;
  for (let i = start; i < end; i++) {
    const n = graph.nodes[i];
    const l = stats.get(n.name);
    const weights = new Set([...graph.initializers.keys(), ...(graph.declared?.keys() ?? [])]);
    ops.push({
      index: i,
      name: n.name,
      opType: n.opType,
      scope: n.scope,
      inputDims: (l?.inputDims ?? []).filter((d, k) => !weights.has(n.inputs[k]) && d.length > 0),
      outputDims: l?.outputDims ?? [],
      macs: l?.macs ?? 0,
      params: l?.params ?? 0,
    });
    macs += l?.macs ?? 0;
    params += l?.params ?? 0;
  }
  return { ops: ops.filter(isStepOp), macs, params };
}

export function planStepCell(props: { model?: unknown; scope?: unknown }, component = 'StepCell'): CellPlan {
  const model = expectString(
    component,
    'model',
    props.model,
    'a zoo model id (e.g. "mobilenetv2_100") or a block listed in public/models/manifest.json',
  );
  const scope =
    props.scope === undefined
      ? undefined
      : expectString(component, 'scope', props.scope, 'a scope prefix such as "blocks.1.0"', /^[A-Za-z0-9_.]+$/);
  const blocks = readManifest();
  const block = blocks.find((b) => b.name === model || b.file === model || b.file === `${model}.onnx`);
  if (block) {
    const path = join(MODELS_DIR(), block.file);
    const graph = importOnnx(new Uint8Array(readFileSync(path)));
    const inputName = graph.inputs.find((i) => !graph.initializers.has(i.name))?.name;
    const input = graph.inputs.find((i) => i.name === inputName)!;
    const { ops, macs, params } = opsOf(graph, 0, graph.nodes.length);
    return {
      source: { kind: 'onnx', url: `/models/${block.file}` },
      title: block.title ?? block.name,
      ops,
      macs,
      params,
      input: 'random',
      inputDims: input.dims.map(Number),
    };
  }
  if (!MODELS.some((m) => m.id === model)) {
    const near = MODELS.map((m) => m.id)
      .filter((id) => id.includes(model) || model.includes(id.split('_')[0]))
      .slice(0, 6);
    const listed = blocks.map((b) => `"${b.name}"`).join(', ');
    const hints =
      (near.length ? ` (zoo ids like it: ${near.join(', ')})` : '') +
      (listed ? `; blocks: ${listed}` : '; no block manifest exists yet');
    failProp(component, 'model', `a zoo model id or a block from public/models/manifest.json${hints}`, model);
  }
  const graph = buildModel(model);
  let start = 0;
  let end = graph.nodes.length;
  if (typeof scope === 'string') {
    const hit = graph.nodes
      .map((n, i) => (n.scope === scope || n.scope.startsWith(`${scope}.`) ? i : -1))
      .filter((i) => i >= 0);
    if (hit.length === 0) {
      const keys = groupSteps(graph, 'block')
        .map((g) => g.key)
        .filter((k) => k.startsWith('blocks.'))
        .slice(0, 8);
      failProp(
        component,
        'scope',
        `a scope prefix of ${model}, such as ${keys.map((k) => `"${k}"`).join(', ')}`,
        scope,
      );
    }
    start = hit[0];
    end = hit[hit.length - 1] + 1;
  }
  const { ops, macs, params } = opsOf(graph, start, end);
  return {
    source: { kind: 'zoo', id: model },
    scope: typeof scope === 'string' ? scope : undefined,
    title: typeof scope === 'string' ? `${model} · ${scope}` : model,
    ops,
    macs,
    params,
    input: 'image',
    inputDims: graph.inputs[0].dims.map(Number),
  };
}
