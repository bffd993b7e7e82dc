/**
 * `depthwise eval <model.onnx> --data fashion-mnist [--split test|train] [--limit N] [--batch N] [--json]`:
 * accuracy on Fashion-MNIST (the 10 000 test images by default), per-class accuracy and the
 * confusion matrix. Preprocessing (resolution, channels, normalisation) comes from the model's
 * input shape and, when the file was written by `depthwise train`, its metadata_props.
 */
import { existsSync, readFileSync } from 'node:fs';
import { FASHION_MNIST_MEAN, FASHION_MNIST_STD, limitSet } from '../../lib/data/fashion-mnist.ts';
import { readTrained } from '../../lib/train/checkpoint.ts';
import { evaluate, type Evaluation } from '../../lib/train/evaluate.ts';
import { numberFlag, parseFlags, usageError, UsageError } from '../args.ts';
import { loadFashionMnist } from '../fashion-mnist-files.ts';

export const summary =
  'accuracy, per-class accuracy and confusion matrix of a model on Fashion-MNIST: eval <model.onnx> --data fashion-mnist [--json]';

const USAGE =
  'usage: depthwise eval <model.onnx> --data fashion-mnist [--split test|train] [--limit N] [--batch 100] [--json]';

export function formatEvaluation(e: Evaluation): string[] {
  const w = Math.max(...e.classes.map((c) => c.length));
  const lines = [`accuracy ${(100 * e.accuracy).toFixed(2)} % (${e.correct} of ${e.count})`, '', 'per class:'];
  e.classes.forEach((c, i) =>
    lines.push(
      `  ${String(i)} ${c.padEnd(w)}  ${Number.isNaN(e.perClass[i]) ? '   —' : `${(100 * e.perClass[i]).toFixed(1).padStart(5)} %`}`,
    ),
  );
  lines.push('', 'confusion matrix (rows: true class, columns: predicted):');
  const cw = Math.max(4, ...e.confusion.flat().map((n) => String(n).length + 1));
  lines.push(`    ${e.classes.map((_, j) => String(j).padStart(cw)).join('')}`);
  e.confusion.forEach((row, i) =>
    lines.push(`  ${String(i).padStart(2)}${row.map((n) => String(n).padStart(cw)).join('')}`),
  );
  return lines;
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseFlags('eval', USAGE, args, {
    data: { type: 'string' },
    split: { type: 'string' },
    limit: { type: 'string' },
    batch: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!parsed) return 2;
  const v = parsed.values;
  try {
    if (parsed.positionals.length !== 1) throw new UsageError('expected one model file');
    if (v.data !== 'fashion-mnist')
      throw new UsageError(`--data fashion-mnist is required${v.data ? `, got '${v.data}'` : ''}`);
    const split = v.split ?? 'test';
    if (split !== 'test' && split !== 'train') throw new UsageError(`--split is test or train, got '${split}'`);
    const limit = numberFlag(v.limit, '--limit', { int: true, min: 1 });
    const batch = numberFlag(v.batch, '--batch', { int: true, min: 1 }) ?? 100;
    const file = parsed.positionals[0];
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    const { graph, record } = readTrained(new Uint8Array(readFileSync(file)));
    const set = limitSet(loadFashionMnist(split), limit);
    const norm = {
      mean: record?.preprocessing.mean ?? FASHION_MNIST_MEAN,
      std: record?.preprocessing.std ?? FASHION_MNIST_STD,
    };
    const t0 = globalThis.performance.now();
    const e = evaluate(graph, set, norm, { batch });
    const seconds = (globalThis.performance.now() - t0) / 1000;
    if (v.json) {
      console.log(
        JSON.stringify({
          model: file,
          split,
          images: e.count,
          correct: e.correct,
          accuracy: e.accuracy,
          classes: e.classes,
          perClass: e.perClass.map((p) => (Number.isNaN(p) ? null : p)),
          confusion: e.confusion,
          seconds,
        }),
      );
    } else {
      console.log(`${file} on Fashion-MNIST ${split}${limit ? ` (first ${e.count})` : ''}: ${seconds.toFixed(1)} s`);
      for (const l of formatEvaluation(e)) console.log(l);
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) return usageError('eval', USAGE, e.message);
    console.error(`depthwise eval: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
