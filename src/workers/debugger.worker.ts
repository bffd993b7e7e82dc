/**
 * The debugger's worker: builds and materialises a zoo model (or imports a block `.onnx`), steps
 * the engine through it keeping every tensor, explains single output elements, and runs the same
 * graph in onnxruntime-web for timing and per-node agreement. All heavy work happens here; the page
 * cancels by terminating the worker.
 */
import {
  analyze,
  execute,
  explain,
  UNARY,
  type Analysis,
  type Graph,
  type Step,
  type Tensor,
} from '~/lib/engine/index.ts';
import { importOnnx } from '~/lib/engine/onnx/index.ts';
import { buildModel, getModel, materialize, modelStats } from '~/lib/models/index.ts';
import { agreementTable } from '~/lib/viz/debugger/ort-agreement.ts';
import { graphStructure, withStructureScopes } from '~/lib/viz/debugger/graph-structure.ts';
import type {
  ModelSource,
  NodeInfo,
  RuntimeRequest,
  RuntimeResponse,
  StepTensors,
} from '~/components/runtime/protocol.ts';
import { lazyCalibration, type LazyCalibration } from './calibrate.ts';
import { ortIntermediates, ortLatency } from './ort-run.ts';
import { engineLatency, setEngineThreads } from './engine-threads.ts';
import { forwardValues, gradCamTensors } from './trained-probes.ts';
import { blockBackward } from './trained-backward.ts';

interface Session {
  graph: Graph;
  values: Map<string, Tensor>;
  gen?: Generator<Step, Record<string, Tensor>>;
  /** Index of the last node run (−1 before any). */
  last: number;
  ms: number[];
  input?: Tensor;
  /**
   * BatchNorm calibration on the sample images, run only as far as the stepping needs it (node i's
   * statistics are set before node i runs; the weights are bit-identical to a whole pass up front);
   * anything that reads the whole graph finishes it first.
   */
  calibration?: LazyCalibration;
}

const post = (m: RuntimeResponse): void => (self as unknown as Worker).postMessage(m);
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
let session: Session | undefined;

/** `analysis` defaults to analyze(graph); the zoo passes its declared graph's (same nodes, weights by shape only, so nothing lazy is drawn). */
function nodeInfos(graph: Graph, analysis: Analysis = analyze(graph)): NodeInfo[] {
  const layers = new Map(analysis.layers.map((l) => [l.node, l]));
  return graph.nodes.map((n) => {
    const l = layers.get(n.name);
    return {
      name: n.name,
      opType: n.opType,
      scope: n.scope,
      inputs: n.inputs,
      outputs: n.outputs,
      weights: n.inputs.map((i) => graph.initializers.has(i) || (graph.declared?.has(i) ?? false)),
      macs: l?.macs ?? 0,
      outputDims: l?.outputDims ?? [],
      inputDims: l?.inputDims ?? [],
    };
  });
}

async function open(id: number, source: ModelSource, calibration?: Tensor): Promise<void> {
  session = undefined;
  let graph: Graph;
  let lazy: LazyCalibration | undefined;
  let analysis: Analysis | undefined;
  if (source.kind === 'zoo') {
    const entry = getModel(source.id);
    post({ id, type: 'progress', phase: `Building ${entry.id} from its spec`, done: 0, total: 3 });
    await tick();
    const declared = buildModel(source.id);
    analysis = analyze(declared);
    post({
      id,
      type: 'progress',
      phase: calibration
        ? 'Materialising untrained weights from the seed'
        : 'Materialising untrained weights from the seed and calibrating BatchNorm',
      done: 1,
      total: 3,
    });
    await tick();
    // With sample images every BatchNorm is calibrated on them (lazily, below), so materialize's own
    // pass on the reference input would be overwritten: skip it (one forward run fewer on Load).
    // Its weights are drawn lazily then, each when a step (or the calibration) first reads it.
    graph = materialize(declared, source.seed ?? 0, calibration ? { calibrate: false, lazy: true } : {});
    if (calibration) lazy = lazyCalibration(graph, calibration);
  } else if (source.kind === 'bytes') {
    post({ id, type: 'progress', phase: `Reading ${source.name}`, done: 1, total: 3 });
    await tick();
    const imported = importOnnx(
      new Uint8Array(source.bytes),
      source.inputShapes ? { inputShapes: source.inputShapes } : {},
    );
    // The blocks /explore/ shows (the file's scopes, or the ones found in its structure) drive "Step block".
    graph = withStructureScopes(imported, graphStructure(imported, analyze(imported)));
  } else {
    post({ id, type: 'progress', phase: `Downloading ${source.url}`, done: 0, total: 3 });
    const res = await fetch(source.url);
    if (!res.ok) throw new Error(`could not load ${source.url}: HTTP ${res.status}`);
    post({ id, type: 'progress', phase: 'Reading the ONNX file', done: 1, total: 3 });
    graph = importOnnx(new Uint8Array(await res.arrayBuffer()));
  }
  post({ id, type: 'progress', phase: 'Ready', done: 3, total: 3 });
  session = {
    graph,
    values: new Map(graph.initializers),
    last: -1,
    ms: graph.nodes.map(() => NaN),
    ...(lazy ? { calibration: lazy } : {}),
  };
  const inp = graph.inputs[0];
  const params = source.kind === 'zoo' ? modelStats(source.id).params : analyze(graph).params;
  post({
    id,
    type: 'opened',
    nodes: nodeInfos(graph, analysis),
    input: { name: inp.name, dims: inp.dims.map(Number) },
    params,
  });
}

function need(): Session {
  if (!session) throw new Error('no model is loaded yet');
  return session;
}

/** The session with every BatchNorm calibrated, for requests that read the whole graph. */
function calibrated(): Session {
  const s = need();
  s.calibration?.finish();
  return s;
}

function feed(input: Tensor): void {
  const s = need();
  const name = s.graph.inputs[0].name;
  s.values = new Map(s.graph.initializers);
  s.values.set(name, input);
  s.input = input;
  s.gen = execute(s.graph, { [name]: input }, { retain: true });
  s.last = -1;
  s.ms = s.graph.nodes.map(() => NaN);
}

/** Runs nodes until `index` has run, posting progress every ~100 ms so the page can show it. */
async function runTo(id: number, index: number): Promise<void> {
  const s = need();
  if (!s.gen) throw new Error('no input yet (choose an image first)');
  const target = Math.min(index, s.graph.nodes.length - 1);
  let t = performance.now();
  while (s.last < target) {
    s.calibration?.upTo(s.last + 1);
    const r = s.gen.next();
    if (r.done) break;
    const step = r.value;
    step.node.outputs.forEach((o, i) => {
      if (o && step.outputs[i]) s.values.set(o, step.outputs[i]);
    });
    s.ms[step.index] = step.ms;
    s.last = step.index;
    if (performance.now() - t > 100) {
      post({ id, type: 'progress', phase: `Running ${step.node.name}`, done: s.last + 1, total: target + 1 });
      await tick();
      t = performance.now();
    }
  }
}

function stepTensors(s: Session, index: number): StepTensors {
  if (index < 0) return { index, inputs: [s.input ?? null], outputs: s.input ? [s.input] : [] };
  const node = s.graph.nodes[index];
  const inputs = node.inputs.map((n) => (n === '' ? null : (s.values.get(n) ?? null)));
  const outputs = node.outputs.map((n) => s.values.get(n)).filter((t): t is Tensor => t !== undefined);
  const row = UNARY[node.opType];
  const params = row?.params
    ? row.params(
        node,
        s.graph.opset,
        inputs.map((t) => t ?? undefined),
      )
    : undefined;
  return { index, inputs, outputs, ...(params ? { params } : {}) };
}

async function handle(req: RuntimeRequest): Promise<void> {
  const { id } = req;
  switch (req.type) {
    case 'open':
      await open(id, req.source, req.calibration);
      return;
    case 'feed':
      feed(req.input);
      post({ id, type: 'fed' });
      return;
    case 'goto': {
      await runTo(id, req.index);
      const s = need();
      post({ id, type: 'at', step: stepTensors(s, Math.min(req.index, s.last)), ms: s.ms });
      return;
    }
    case 'explain': {
      const s = need();
      s.calibration?.upTo(s.graph.nodes.findIndex((n) => n.name === req.node));
      post({ id, type: 'explained', explanation: explain(s.graph, s.values, req.node, req.at) });
      return;
    }
    case 'values': {
      const s = calibrated();
      const values: Record<string, Tensor> = {};
      for (const n of req.names) {
        const t = s.values.get(n);
        if (t) values[n] = t;
      }
      post({ id, type: 'values', values });
      return;
    }
    case 'ort': {
      const s = calibrated();
      if (!s.input) throw new Error('no input yet (choose an image first)');
      const steps = 1 + (req.agreement ? 1 : 0) + (req.agreement && req.engine ? 1 : 0);
      post({ id, type: 'progress', phase: 'Starting onnxruntime-web', done: 0, total: steps });
      const lat = await ortLatency(s.graph, s.input, req.runs);
      if (!req.agreement) {
        post({ id, type: 'ort', result: lat });
        return;
      }
      post({ id, type: 'progress', phase: 'Running the engine to the end for comparison', done: 1, total: steps });
      await runTo(id, s.graph.nodes.length - 1);
      const ort = await ortIntermediates(s.graph, s.input, s.values);
      const agreement = agreementTable(
        s.graph.nodes.filter((n) => n.opType !== 'Constant').map((n) => ({ name: n.name, output: n.outputs[0] })),
        (o) => s.values.get(o)?.data as Float32Array | undefined,
        ort,
      );
      const maxAbs = agreement.reduce((m, a) => Math.max(m, a.maxAbs), 0);
      const maxScaled = agreement.reduce((m, a) => Math.max(m, a.scaled), 0);
      if (!req.engine) {
        post({ id, type: 'ort', result: { ...lat, agreement, maxAbs, maxScaled } });
        return;
      }
      post({ id, type: 'progress', phase: 'Timing the engine’s whole runs', done: 2, total: steps });
      await tick();
      const engine = engineLatency(s.graph, s.input, req.runs);
      post({ id, type: 'ort', result: { ...lat, agreement, maxAbs, maxScaled, engine } });
      return;
    }
    case 'threads':
      post({ id, type: 'threads', ...(await setEngineThreads(req.threads)) });
      return;
    case 'gradcam': {
      const s = calibrated();
      if (!s.input) throw new Error('no input yet (choose an image first)');
      post({ id, type: 'gradcam', ...gradCamTensors(s.graph, s.input, req.value, req.classIndex) });
      return;
    }
    case 'backward': {
      const s = calibrated();
      if (!s.input) throw new Error('no input yet (choose an image first)');
      post({ id, type: 'backward', result: blockBackward(s.graph, s.input, req.block, req.label) });
      return;
    }
    case 'probe': {
      const s = calibrated();
      post({ id, type: 'probed', values: req.inputs.map((x) => forwardValues(s.graph, x, req.names)) });
      return;
    }
    case 'measure': {
      const { referenceInput } = await import('~/lib/models/index.ts');
      for (const [k, mid] of req.ids.entries()) {
        post({ id, type: 'progress', phase: `Materialising ${mid}`, done: k, total: req.ids.length });
        await tick();
        const g = materialize(buildModel(mid), 0);
        const stats = modelStats(mid);
        const r = await ortLatency(g, referenceInput(Number(g.inputs[0].dims[2])), req.runs);
        post({
          id,
          type: 'measured',
          row: { id: mid, macs: stats.macs, params: stats.params, medianMs: r.medianMs, threads: r.threads },
        });
      }
      return;
    }
  }
}

let queue: Promise<void> = Promise.resolve();
self.onmessage = (e: MessageEvent<RuntimeRequest>) => {
  const req = e.data;
  queue = queue.then(async () => {
    try {
      await handle(req);
      post({ id: req.id, type: 'done' });
    } catch (err) {
      post({ id: req.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  });
};
