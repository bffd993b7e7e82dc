/**
 * A trained run's test-set predictions: the engine's top-1 class for each of the 10,000 test
 * images, one character per image ("0"…"9", in test-set order), stored beside the run so that CI
 * can recompute the manifest's accuracy, per-class accuracy and confusion matrix exactly from the
 * labels, and re-run the engine on a deterministic subset only (tests/unit/family/trained-checks.ts)
 * instead of on all 10,000 images for every run.
 *
 * Files: `training/predictions/<run file without .onnx>.top1.json` for the family (outside
 * public/, so the site does not ship them), `<out>/predictions/…` for any other `--out` (the test
 * fixture). They are written by `npm run train:family` after its evaluation, and for runs that
 * finished without one by `npm run family:predictions` (scripts/family-predictions.ts). A run
 * without a predictions file is still valid: CI then evaluates it on all 10,000 images.
 * The file names its run's sha256, so predictions of an older file never pass for a newer one.
 */
import { join, resolve } from 'node:path';

export const PREDICTIONS_VERSION = 1;

export interface RunPredictions {
  readonly version: number;
  /** The run's ONNX file name and its sha256 (the manifest's). */
  readonly file: string;
  readonly sha256: string;
  readonly split: 'test';
  readonly images: number;
  /** One digit per image: the engine's arg-max class. */
  readonly top1: string;
}

/** Where the predictions of runs written to `outDir` live (see the module comment). */
export function predictionsDir(root: string, outDir: string): string {
  const out = resolve(root, outDir);
  return out === resolve(root, 'public/models/trained')
    ? join(root, 'training', 'predictions')
    : join(out, 'predictions');
}

export const predictionsFile = (runFile: string): string => runFile.replace(/\.onnx$/, '') + '.top1.json';

export function encodePredictions(file: string, sha256: string, top1: Uint8Array): RunPredictions {
  let s = '';
  for (const c of top1) {
    if (c > 9) throw new RangeError(`predictions: class ${c} does not fit one digit`);
    s += String(c);
  }
  return { version: PREDICTIONS_VERSION, file, sha256, split: 'test', images: top1.length, top1: s };
}

/** The predictions as classes, after checking they are for this file (sha256) and this many images; throws saying what differs. */
export function decodePredictions(
  json: unknown,
  run: { readonly file: string; readonly sha256: string; readonly testImages: number },
): Uint8Array {
  const p = json as Partial<RunPredictions>;
  const where = `predictions of ${run.file}`;
  if (p?.version !== PREDICTIONS_VERSION)
    throw new Error(`${where}: version ${String(p?.version)}, expected ${PREDICTIONS_VERSION}`);
  if (p.sha256 !== run.sha256)
    throw new Error(`${where}: made for sha256 ${String(p.sha256)}, the run's file is ${run.sha256}`);
  if (
    p.split !== 'test' ||
    p.images !== run.testImages ||
    typeof p.top1 !== 'string' ||
    p.top1.length !== run.testImages
  )
    throw new Error(`${where}: expected ${run.testImages} test-set predictions, found ${String(p.top1?.length)}`);
  if (!/^[0-9]*$/.test(p.top1)) throw new Error(`${where}: top1 holds a character that is not a digit`);
  return Uint8Array.from(p.top1, (ch) => ch.charCodeAt(0) - 48);
}

export interface Scored {
  readonly correct: number;
  readonly perClass: number[];
  /** confusion[true][predicted]. */
  readonly confusion: number[][];
}

/** Accuracy, per-class accuracy and confusion from predictions and labels (what evaluate.ts counts). */
export function scorePredictions(top1: Uint8Array, labels: Uint8Array, classes: number): Scored {
  if (top1.length !== labels.length)
    throw new Error(`scorePredictions: ${top1.length} predictions, ${labels.length} labels`);
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let correct = 0;
  for (let i = 0; i < top1.length; i++) {
    if (top1[i] < classes) confusion[labels[i]][top1[i]]++;
    if (top1[i] === labels[i]) correct++;
  }
  const perClass = confusion.map((row, c) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total === 0 ? NaN : row[c] / total;
  });
  return { correct, perClass, confusion };
}

/** The images CI re-runs through the engine: every (count / n)-th, starting at `offset` (deterministic). */
export function predictionSubset(count: number, n: number, offset = 0): Int32Array {
  const step = Math.max(1, Math.floor(count / n));
  return Int32Array.from({ length: Math.min(n, Math.ceil((count - offset) / step)) }, (_, i) => offset + i * step);
}
