/**
 * `public/models/trained/manifest.json`: one entry per trained run of the tiny family (a model id
 * and a seed), with everything another runtime needs to reproduce its accuracy and everything the
 * site shows about it. Written by `npm run train:family` (scripts/train-family.ts), read by the
 * site and by the CI checks (tests/unit/family/trained.test.ts), and checked by `validateManifest`
 * so a hand-edited or truncated file fails with the path of the first bad field.
 */

import type { Analysis } from '../engine/analyze.ts';
import type { Evaluation } from '../train/evaluate.ts';
import type { Recipe } from '../train/trainer.ts';

export const MANIFEST_VERSION = 1;

/** Exactly how a test image becomes the model's input tensor. */
export interface Preprocessing {
  /** Graph input name. */
  readonly input: string;
  /** Tensor layout and shape: [1, channels, resolution, resolution], float32. */
  readonly layout: 'NCHW';
  readonly resolution: number;
  readonly channels: number;
  /** Pixel bytes are divided by this before normalising (255: values in [0, 1]). */
  readonly scale: number;
  /** The resize from the dataset's 28×28 (src/lib/data/resize.ts). */
  readonly resize: string;
  readonly mean: number;
  readonly std: number;
}

/** One epoch of training: means over its steps, and the rate at its last step. */
export interface EpochPoint {
  /** 1-based. */
  readonly epoch: number;
  readonly loss: number;
  /** Training accuracy of the epoch's batches (before each update, with augmentation). */
  readonly accuracy: number;
  readonly lr: number;
  /** Wall seconds the epoch took. */
  readonly seconds: number;
}

/**
 * A point of the fine curve (src/lib/family/progress.ts): an epoch point's means, rate and seconds
 * over a window of steps instead, `epoch` being the (fractional) epochs done at the window's end.
 */
export interface CurvePoint extends EpochPoint {
  /** Steps done at the end of the window. */
  readonly step: number;
}

/** The trainer's recipe as the run used it (src/lib/train/trainer.ts). */
export type TrainedRecipe = Recipe;

/**
 * One trained run. Params and MACs are the engine's analysis of the model's graph; accuracy,
 * correct, per-class accuracy (label order of `classes`), classes and the confusion matrix
 * (confusion[true][predicted]) are `evaluate`'s over all `testImages` images.
 */
export interface TrainedModel
  extends
    Pick<Analysis, 'params' | 'macs'>,
    Pick<Evaluation, 'accuracy' | 'correct' | 'perClass' | 'classes' | 'confusion'> {
  /** Tiny-family id (src/lib/models/tiny.ts). */
  readonly id: string;
  readonly seed: number;
  /** File name inside public/models/trained/. */
  readonly file: string;
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  readonly bytes: number;
  readonly testImages: number;
  readonly curve: readonly EpochPoint[];
  /** The fine curve, a point every tenth of an epoch. */
  readonly segments: readonly CurvePoint[];
  /** Loss of each of the first steps (up to 20), as trained: the CI re-runs them. */
  readonly firstLosses: readonly number[];
  readonly recipe: TrainedRecipe;
  readonly trainImages: number;
  /** Wall seconds of training (all sessions summed) and of the final evaluation. */
  readonly trainSeconds: number;
  readonly evalSeconds: number;
  readonly preprocessing: Preprocessing;
  /** ISO date the run finished. */
  readonly finished: string;
}

export interface TrainedManifest {
  readonly version: number;
  readonly dataset: { readonly name: string; readonly licence: string; readonly source: string };
  readonly models: readonly TrainedModel[];
}

/** The file a run's weights are written to: `<id>.onnx` for the first seed, `<id>.seed<k>.onnx` for the others. */
export function trainedFileName(id: string, seed: number, firstSeed: number): string {
  return seed === firstSeed ? `${id}.onnx` : `${id}.seed${seed}.onnx`;
}

export type ManifestResult =
  | { readonly ok: true; readonly manifest: TrainedManifest }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Structural and consistency checks; every problem is reported with its JSON path. */
export function validateManifest(value: unknown): ManifestResult {
  const errors: string[] = [];
  const err = (path: string, msg: string) => errors.push(`${path}: ${msg}`);
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const num = (v: unknown, path: string, o: { int?: boolean; min?: number; max?: number } = {}): boolean => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      return (err(path, `expected a finite number, got ${JSON.stringify(v)}`), false);
    if (o.int && !Number.isInteger(v)) return (err(path, `expected a whole number, got ${v}`), false);
    if (o.min !== undefined && v < o.min) return (err(path, `expected ≥ ${o.min}, got ${v}`), false);
    if (o.max !== undefined && v > o.max) return (err(path, `expected ≤ ${o.max}, got ${v}`), false);
    return true;
  };
  const str = (v: unknown, path: string, re?: RegExp): boolean => {
    if (typeof v !== 'string' || v.length === 0)
      return (err(path, `expected a non-empty string, got ${JSON.stringify(v)}`), false);
    if (re && !re.test(v)) return (err(path, `'${v}' does not match ${re}`), false);
    return true;
  };
  const arr = (v: unknown, path: string, len?: number): v is unknown[] => {
    if (!Array.isArray(v)) return (err(path, `expected an array, got ${JSON.stringify(v)}`), false);
    if (len !== undefined && v.length !== len) return (err(path, `expected ${len} entries, got ${v.length}`), false);
    return true;
  };

  if (!isObj(value)) return { ok: false, errors: ['$: expected an object'] };
  if (value.version !== MANIFEST_VERSION)
    err('$.version', `expected ${MANIFEST_VERSION}, got ${JSON.stringify(value.version)}`);
  if (!isObj(value.dataset)) err('$.dataset', 'expected an object');
  else for (const k of ['name', 'licence', 'source']) str(value.dataset[k], `$.dataset.${k}`);
  if (!arr(value.models, '$.models')) return { ok: false, errors };
  const seen = new Set<string>();
  const files = new Set<string>();
  value.models.forEach((m, i) => {
    const p = `$.models[${i}]`;
    if (!isObj(m)) return err(p, 'expected an object');
    str(m.id, `${p}.id`, /^tiny_[a-z0-9_]+$/);
    num(m.seed, `${p}.seed`, { int: true, min: 0 });
    const key = `${String(m.id)}@${String(m.seed)}`;
    if (seen.has(key)) err(p, `duplicate run ${key}`);
    seen.add(key);
    if (str(m.file, `${p}.file`, /^[a-z0-9_.]+\.onnx$/)) {
      if (files.has(m.file as string)) err(`${p}.file`, `'${String(m.file)}' is used twice`);
      files.add(m.file as string);
    }
    str(m.sha256, `${p}.sha256`, /^[0-9a-f]{64}$/);
    num(m.bytes, `${p}.bytes`, { int: true, min: 1 });
    num(m.params, `${p}.params`, { int: true, min: 1 });
    num(m.macs, `${p}.macs`, { int: true, min: 1 });
    const testOk = num(m.testImages, `${p}.testImages`, { int: true, min: 1 });
    const correctOk = num(m.correct, `${p}.correct`, { int: true, min: 0 });
    if (
      num(m.accuracy, `${p}.accuracy`, { min: 0, max: 1 }) &&
      testOk &&
      correctOk &&
      Math.abs((m.correct as number) / (m.testImages as number) - (m.accuracy as number)) > 1e-12
    ) {
      err(
        `${p}.accuracy`,
        `${String(m.accuracy)} is not correct / testImages = ${String(m.correct)} / ${String(m.testImages)}`,
      );
    }
    const K = Array.isArray(m.classes) ? m.classes.length : 0;
    if (arr(m.classes, `${p}.classes`)) m.classes.forEach((c, j) => str(c, `${p}.classes[${j}]`));
    if (arr(m.perClass, `${p}.perClass`, K))
      m.perClass.forEach((v, j) => num(v, `${p}.perClass[${j}]`, { min: 0, max: 1 }));
    if (arr(m.confusion, `${p}.confusion`, K)) {
      let total = 0;
      let diag = 0;
      m.confusion.forEach((row, r) => {
        if (!arr(row, `${p}.confusion[${r}]`, K)) return;
        row.forEach((v, c) => {
          if (num(v, `${p}.confusion[${r}][${c}]`, { int: true, min: 0 })) {
            total += v as number;
            if (r === c) diag += v as number;
          }
        });
      });
      if (testOk && total !== m.testImages)
        err(`${p}.confusion`, `sums to ${total}, not testImages ${String(m.testImages)}`);
      if (correctOk && diag !== m.correct)
        err(`${p}.confusion`, `diagonal ${diag} is not correct ${String(m.correct)}`);
    }
    if (arr(m.curve, `${p}.curve`)) {
      if (m.curve.length === 0) err(`${p}.curve`, 'expected at least one epoch');
      m.curve.forEach((e, j) => {
        const q = `${p}.curve[${j}]`;
        if (!isObj(e)) return err(q, 'expected an object');
        if (num(e.epoch, `${q}.epoch`, { int: true, min: 1 }) && e.epoch !== j + 1)
          err(`${q}.epoch`, `expected ${j + 1}, got ${String(e.epoch)}`);
        num(e.loss, `${q}.loss`, { min: 0 });
        num(e.accuracy, `${q}.accuracy`, { min: 0, max: 1 });
        num(e.lr, `${q}.lr`, { min: 0 });
        num(e.seconds, `${q}.seconds`, { min: 0 });
      });
    }
    if (arr(m.segments, `${p}.segments`)) {
      if (m.segments.length === 0) err(`${p}.segments`, 'expected at least one point');
      let last = 0;
      m.segments.forEach((e, j) => {
        const q = `${p}.segments[${j}]`;
        if (!isObj(e)) return err(q, 'expected an object');
        if (num(e.step, `${q}.step`, { int: true, min: 1 })) {
          if ((e.step as number) <= last)
            err(`${q}.step`, `expected steps to increase, got ${String(e.step)} after ${last}`);
          last = e.step as number;
        }
        num(e.epoch, `${q}.epoch`, { min: 0 });
        num(e.loss, `${q}.loss`, { min: 0 });
        num(e.accuracy, `${q}.accuracy`, { min: 0, max: 1 });
        num(e.lr, `${q}.lr`, { min: 0 });
        num(e.seconds, `${q}.seconds`, { min: 0 });
      });
    }
    if (arr(m.firstLosses, `${p}.firstLosses`)) {
      if (m.firstLosses.length === 0 || m.firstLosses.length > 20)
        err(`${p}.firstLosses`, `expected 1–20 losses, got ${m.firstLosses.length}`);
      m.firstLosses.forEach((v, j) => num(v, `${p}.firstLosses[${j}]`, { min: 0 }));
    }
    if (!isObj(m.recipe)) err(`${p}.recipe`, 'expected an object');
    else {
      const r = m.recipe;
      num(r.epochs, `${p}.recipe.epochs`, { int: true, min: 1 });
      num(r.batch, `${p}.recipe.batch`, { int: true, min: 1 });
      num(r.lr, `${p}.recipe.lr`, { min: 0 });
      num(r.warmupEpochs, `${p}.recipe.warmupEpochs`, { min: 0 });
      num(r.labelSmoothing, `${p}.recipe.labelSmoothing`, { min: 0, max: 1 });
      if (num(r.seed, `${p}.recipe.seed`, { int: true }) && r.seed !== m.seed)
        err(`${p}.recipe.seed`, `${String(r.seed)} differs from the run's seed ${String(m.seed)}`);
      if (!isObj(r.optimizer) || (r.optimizer.kind !== 'sgd' && r.optimizer.kind !== 'adamw'))
        err(`${p}.recipe.optimizer`, "expected { kind: 'sgd' | 'adamw', … }");
      if (
        r.augment !== null &&
        (!isObj(r.augment) ||
          typeof r.augment.flip !== 'boolean' ||
          !num(r.augment.pad, `${p}.recipe.augment.pad`, { int: true, min: 0 }))
      )
        err(`${p}.recipe.augment`, 'expected null or { pad, flip }');
      if (Array.isArray(m.curve) && typeof r.epochs === 'number' && m.curve.length !== r.epochs)
        err(`${p}.curve`, `has ${m.curve.length} epochs, the recipe ${r.epochs}`);
    }
    num(m.trainImages, `${p}.trainImages`, { int: true, min: 1 });
    num(m.trainSeconds, `${p}.trainSeconds`, { min: 0 });
    num(m.evalSeconds, `${p}.evalSeconds`, { min: 0 });
    if (!isObj(m.preprocessing)) err(`${p}.preprocessing`, 'expected an object');
    else {
      const q = m.preprocessing;
      str(q.input, `${p}.preprocessing.input`);
      if (q.layout !== 'NCHW') err(`${p}.preprocessing.layout`, `expected 'NCHW', got ${JSON.stringify(q.layout)}`);
      num(q.resolution, `${p}.preprocessing.resolution`, { int: true, min: 1 });
      num(q.channels, `${p}.preprocessing.channels`, { int: true, min: 1 });
      num(q.scale, `${p}.preprocessing.scale`, { min: 1 });
      str(q.resize, `${p}.preprocessing.resize`);
      num(q.mean, `${p}.preprocessing.mean`);
      num(q.std, `${p}.preprocessing.std`, { min: 1e-9 });
    }
    if (str(m.finished, `${p}.finished`) && Number.isNaN(Date.parse(m.finished as string)))
      err(`${p}.finished`, `'${String(m.finished)}' is not a date`);
  });
  return errors.length ? { ok: false, errors } : { ok: true, manifest: value as unknown as TrainedManifest };
}
