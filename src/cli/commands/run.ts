/**
 * `depthwise run <model.onnx> --input <tensor.pb> [--input …] [--json] [--trace <dir>]`: runs a
 * model on TensorProto inputs (given in graph-input order) and summarises each output. With
 * --trace, every node output is written as a TensorProto `.pb` as the engine produces it, with an
 * `index.json` listing node, op, value name, dtype, dims and file, in execution order.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execute } from '../../lib/engine/index.ts';
import { decodeTensor } from '../../lib/engine/onnx/decode-tensor.ts';
import { encodeTensor } from '../../lib/engine/onnx/encode-tensor.ts';
import { importOnnx } from '../../lib/engine/onnx/import-onnx.ts';
import type { Tensor } from '../../lib/engine/tensor.ts';

export const summary = 'run an .onnx model on TensorProto inputs; --trace writes every node output';

export interface OutputSummary {
  name: string;
  dtype: string;
  dims: number[];
  min: number;
  max: number;
  mean: number;
  /** The five largest elements (flat index and value), largest first. */
  top: { index: number; value: number }[];
}

export function summarise(name: string, t: Tensor): OutputSummary {
  const d = t.data;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    if (d[i] < min) min = d[i];
    if (d[i] > max) max = d[i];
    sum += d[i];
  }
  const top: { index: number; value: number }[] = [];
  for (let i = 0; i < d.length; i++) {
    if (top.length < 5 || d[i] > top[top.length - 1].value) {
      top.push({ index: i, value: d[i] });
      top.sort((a, b) => b.value - a.value);
      if (top.length > 5) top.pop();
    }
  }
  return { name, dtype: t.dtype, dims: [...t.dims], min, max, mean: d.length ? sum / d.length : NaN, top };
}

export interface TraceEntry {
  step: number;
  node: string;
  op: string;
  output: string;
  dtype: string;
  dims: number[];
  file: string;
}

/** A file name from a node name: path separators and other unsafe characters become '_'. */
const safe = (s: string): string =>
  s
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^_+/, '')
    .slice(0, 80) || 'node';

function flagValues(args: readonly string[], flag: string): string[] {
  return args.flatMap((a, i) => (a === flag && args[i + 1] !== undefined ? [args[i + 1]] : []));
}

export async function run(args: string[]): Promise<number> {
  const valued = new Set(['--input', '--trace']);
  const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
  const inputFiles = flagValues(args, '--input');
  const traceDir = flagValues(args, '--trace')[0];
  if (positional.length !== 1 || inputFiles.length === 0) {
    console.error('usage: depthwise run <model.onnx> --input <tensor.pb> [--input …] [--json] [--trace <dir>]');
    return 2;
  }
  const inputs = await Promise.all(inputFiles.map(async (f) => decodeTensor(new Uint8Array(await readFile(f)))));
  // Symbolic input dims (a batch 'N') take the shape of the tensor given for that input.
  const graph = importOnnx(new Uint8Array(await readFile(positional[0])), {
    inputShapesInOrder: inputs.map((t) => [...t.dims]),
  });
  if (inputs.length !== graph.inputs.length) {
    console.error(
      `depthwise run: the model has ${graph.inputs.length} inputs (${graph.inputs.map((v) => v.name).join(', ')}), ${inputs.length} given`,
    );
    return 2;
  }
  const wrong = graph.inputs.filter((v, i) => v.dtype !== inputs[i].dtype);
  if (wrong.length > 0) {
    console.error(
      `depthwise run: ${wrong.map((v) => `input '${v.name}' is ${v.dtype}, file ${inputFiles[graph.inputs.indexOf(v)]} holds ${inputs[graph.inputs.indexOf(v)].dtype}`).join('; ')}`,
    );
    return 2;
  }
  const feeds: Record<string, Tensor> = {};
  graph.inputs.forEach((v, i) => (feeds[v.name] = inputs[i]));

  const trace: TraceEntry[] = [];
  if (traceDir !== undefined) await mkdir(traceDir, { recursive: true });
  const steps = execute(graph, feeds);
  let r = steps.next();
  while (!r.done) {
    const step = r.value;
    if (traceDir !== undefined) {
      for (let k = 0; k < step.outputs.length; k++) {
        const output = step.node.outputs[k];
        const t = step.outputs[k];
        const file = `${String(step.index).padStart(4, '0')}_${safe(step.node.name)}${step.outputs.length > 1 ? `_${k}` : ''}.pb`;
        await writeFile(join(traceDir, file), encodeTensor(t, output));
        trace.push({
          step: step.index,
          node: step.node.name,
          op: step.node.opType,
          output,
          dtype: t.dtype,
          dims: [...t.dims],
          file,
        });
      }
    }
    r = steps.next();
  }
  const outputs = graph.outputs.map((v) => summarise(v.name, r.value[v.name]));
  if (traceDir !== undefined) await writeFile(join(traceDir, 'index.json'), `${JSON.stringify(trace, null, 1)}\n`);

  if (args.includes('--json')) {
    console.log(
      JSON.stringify({ outputs, ...(traceDir !== undefined ? { trace: join(traceDir, 'index.json') } : {}) }, null, 2),
    );
    return 0;
  }
  for (const o of outputs) {
    console.log(
      `${o.name}: ${o.dtype} [${o.dims.join(', ')}]  min ${o.min.toPrecision(5)}  max ${o.max.toPrecision(5)}  mean ${o.mean.toPrecision(5)}`,
    );
    console.log(`  top: ${o.top.map((t) => `#${t.index} ${t.value.toPrecision(5)}`).join(', ')}`);
  }
  if (traceDir !== undefined) console.log(`trace: ${trace.length} tensors in ${traceDir} (index.json)`);
  return 0;
}
