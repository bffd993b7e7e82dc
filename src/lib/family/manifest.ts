/**
 * `public/models/trained/manifest.json`: one entry per trained run of the tiny family (a model id
 * and a seed), with everything another runtime needs to reproduce its accuracy and everything the
 * site shows about it. Written by `npm run train:family` (scripts/train-family.ts), read by the
 * site and by the CI checks (tests/unit/family/trained.test.ts), and checked by `validateManifest`
 * so a hand-edited or truncated file fails with the path of every bad field.
 *
 * The file is described once, by the commented schema below: the types are inferred from it and
 * the validator parses with it. zod runs at build time and in Node only; browser code imports these
 * types with `import type`, so zod never reaches a bundle.
 */

import { z } from 'zod';

export const MANIFEST_VERSION = 1;

/** Reports what a check across fields found, at `path` below the value it checks. */
const flag = (ctx: z.RefinementCtx, path: (string | number)[], message: string): void =>
  ctx.addIssue({ code: 'custom', path, message });

/** Names, paths and descriptions: a string with something in it. */
const text = z.string().min(1);
/** Counts and sizes: a whole number of at least `min`. */
const whole = (min: number) => z.number().int().min(min);
/** Losses, rates and seconds. */
const nonNegative = z.number().min(0);
/** Accuracies and label smoothing. */
const fraction = z.number().min(0).max(1);

/** Exactly how a test image becomes the model's input tensor. */
const preprocessing = z
  .object({
    /** Graph input name. */
    input: text,
    /** Tensor layout and shape: [1, channels, resolution, resolution], float32. */
    layout: z.literal('NCHW'),
    resolution: whole(1),
    channels: whole(1),
    /** Pixel bytes are divided by this before normalising (255: values in [0, 1]). */
    scale: z.number().min(1),
    /** The resize from the dataset's 28×28 (src/lib/data/resize.ts). */
    resize: text,
    mean: z.number(),
    std: z.number().min(1e-9),
  })
  .readonly();
export type Preprocessing = z.output<typeof preprocessing>;

/** One epoch of training: means over its steps, and the rate at its last step. */
const epochFields = z.object({
  /** 1-based. */
  epoch: whole(1),
  loss: nonNegative,
  /** Training accuracy of the epoch's batches (before each update, with augmentation). */
  accuracy: fraction,
  lr: nonNegative,
  /** Wall seconds the epoch took. */
  seconds: nonNegative,
});
const epochPoint = epochFields.readonly();
export type EpochPoint = z.output<typeof epochPoint>;

/** The epochs of a run, numbered 1…n. */
const curve = z
  .array(epochPoint)
  .min(1, 'expected at least one epoch')
  .superRefine((points, ctx) =>
    points.forEach((p, j) => {
      if (p.epoch !== j + 1) flag(ctx, [j, 'epoch'], `expected ${j + 1}, got ${p.epoch}`);
    }),
  )
  .readonly();

/**
 * A point of the fine curve (src/lib/family/progress.ts): an epoch point's means, rate and seconds
 * over a window of steps instead.
 */
const curvePoint = epochFields
  .extend({
    /** Epochs done at the window's end (fractional). */
    epoch: nonNegative,
    /** Steps done at the end of the window. */
    step: whole(1),
  })
  .readonly();
export type CurvePoint = z.output<typeof curvePoint>;

/** The fine curve, its steps increasing. */
const segments = z
  .array(curvePoint)
  .min(1, 'expected at least one point')
  .superRefine((points, ctx) => {
    let last = 0;
    points.forEach((p, j) => {
      if (p.step <= last) flag(ctx, [j, 'step'], `expected steps to increase, got ${p.step} after ${last}`);
      last = p.step;
    });
  })
  .readonly();

/**
 * The trainer's recipe as the run used it: its type is the trainer's `Recipe` (src/lib/train/trainer.ts,
 * optimizer.ts, data/batches.ts) exactly, as tests/unit/family/manifest.test.ts checks at compile time.
 */
const recipe = z
  .object({
    epochs: whole(1),
    batch: whole(1),
    /** Peak learning rate. */
    lr: nonNegative,
    optimizer: z
      .object(
        {
          kind: z.enum(['sgd', 'adamw']),
          /** SGD momentum μ (default 0.9). */
          momentum: z.number().optional(),
          nesterov: z.boolean().optional(),
          /** AdamW β1, β2, ε (defaults 0.9, 0.999, 1e-8, PyTorch's). */
          beta1: z.number().optional(),
          beta2: z.number().optional(),
          eps: z.number().optional(),
          /** λ (default 0). */
          weightDecay: z.number().optional(),
        },
        { error: "expected { kind: 'sgd' | 'adamw', … }" },
      )
      .readonly(),
    /** Linear warmup length in epochs (may be fractional). */
    warmupEpochs: nonNegative,
    labelSmoothing: fraction,
    /** The run's seed. */
    seed: z.number().int(),
    /** Training augmentation; null trains on the plain images. */
    augment: z
      .object(
        {
          /** Zero padding of RandomCrop (pixels at the native size); 0 disables the crop. */
          pad: whole(0),
          flip: z.boolean(),
        },
        { error: 'expected null or { pad, flip }' },
      )
      .readonly()
      .nullable(),
  })
  .readonly();
export type TrainedRecipe = z.output<typeof recipe>;

/**
 * One trained run. Params and MACs are the engine's analysis of the model's graph; accuracy,
 * correct, per-class accuracy (label order of `classes`), classes and the confusion matrix
 * (confusion[true][predicted]) are `evaluate`'s over all `testImages` images, typed exactly as
 * `Analysis` and `Evaluation` type them (checked with the recipe's type).
 */
const trainedModel = z
  .object({
    /** Tiny-family id (src/lib/models/tiny.ts). */
    id: z.string().regex(/^tiny_[a-z0-9_]+$/),
    seed: whole(0),
    /** File name inside public/models/trained/ (`trainedFileName`). */
    file: z.string().regex(/^[a-z0-9_.]+\.onnx$/),
    /** Hex SHA-256 of the file's bytes. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: whole(1),
    params: whole(1),
    macs: whole(1),
    /** correct / testImages, a fraction. */
    accuracy: fraction,
    correct: whole(0),
    testImages: whole(1),
    /** Per class: correct / images of that class. */
    perClass: z.array(fraction).readonly(),
    classes: z.array(text).readonly(),
    /** confusion[true][predicted] = images. */
    confusion: z.array(z.array(whole(0)).readonly()).readonly(),
    curve,
    /** The fine curve, a point every tenth of an epoch. */
    segments,
    /** Loss of each of the first steps (up to 20), as trained: the CI re-runs them. */
    firstLosses: z
      .array(nonNegative)
      .refine((losses) => losses.length >= 1 && losses.length <= 20, {
        error: (iss) => `expected 1–20 losses, got ${(iss.input as readonly number[]).length}`,
      })
      .readonly(),
    recipe,
    trainImages: whole(1),
    /** Wall seconds of training (all sessions summed) and of the final evaluation. */
    trainSeconds: nonNegative,
    evalSeconds: nonNegative,
    preprocessing,
    /** ISO date the run finished. */
    finished: z.string().refine((s) => !Number.isNaN(Date.parse(s)), {
      error: (iss) => `'${String(iss.input)}' is not a date`,
    }),
  })
  .superRefine((m, ctx) => {
    if (Math.abs(m.correct / m.testImages - m.accuracy) > 1e-12)
      flag(ctx, ['accuracy'], `${m.accuracy} is not correct / testImages = ${m.correct} / ${m.testImages}`);
    const K = m.classes.length;
    if (m.perClass.length !== K) flag(ctx, ['perClass'], `expected ${K} entries, got ${m.perClass.length}`);
    if (m.confusion.length !== K) flag(ctx, ['confusion'], `expected ${K} entries, got ${m.confusion.length}`);
    else {
      m.confusion.forEach((row, r) => {
        if (row.length !== K) flag(ctx, ['confusion', r], `expected ${K} entries, got ${row.length}`);
      });
      // Sums of a square matrix only: a ragged one is reported above and its sums say nothing.
      if (m.confusion.every((row) => row.length === K)) {
        const total = m.confusion.flat().reduce((s, v) => s + v, 0);
        const diag = m.confusion.reduce((s, row, r) => s + row[r], 0);
        if (total !== m.testImages) flag(ctx, ['confusion'], `sums to ${total}, not testImages ${m.testImages}`);
        if (diag !== m.correct) flag(ctx, ['confusion'], `diagonal ${diag} is not correct ${m.correct}`);
      }
    }
    if (m.recipe.seed !== m.seed)
      flag(ctx, ['recipe', 'seed'], `${m.recipe.seed} differs from the run's seed ${m.seed}`);
    if (m.curve.length !== m.recipe.epochs)
      flag(ctx, ['curve'], `has ${m.curve.length} epochs, the recipe ${m.recipe.epochs}`);
  })
  .readonly();
export type TrainedModel = z.output<typeof trainedModel>;

/** The whole file: each run (model id and seed) once, each file once. */
const trainedManifest = z
  .object({
    version: z.literal(MANIFEST_VERSION),
    /** The dataset the runs trained and were tested on: its name, licence and where it came from. */
    dataset: z.object({ name: text, licence: text, source: text }).readonly(),
    models: z
      .array(trainedModel)
      .superRefine((models, ctx) => {
        const runs = new Set<string>();
        const files = new Set<string>();
        models.forEach((m, i) => {
          const run = `${m.id}@${m.seed}`;
          if (runs.has(run)) flag(ctx, [i], `duplicate run ${run}`);
          if (files.has(m.file)) flag(ctx, [i, 'file'], `'${m.file}' is used twice`);
          runs.add(run);
          files.add(m.file);
        });
      })
      .readonly(),
  })
  .readonly();

export type TrainedManifest = z.output<typeof trainedManifest>;

/** The file a run's weights are written to: `<id>.onnx` for the first seed, `<id>.seed<k>.onnx` for the others. */
export function trainedFileName(id: string, seed: number, firstSeed: number): string {
  return seed === firstSeed ? `${id}.onnx` : `${id}.seed${seed}.onnx`;
}

export type ManifestResult =
  | { readonly ok: true; readonly manifest: TrainedManifest }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Each problem zod finds, in the words this validator has always used ("expected ≥ 0, got -1"). */
const problem: z.core.$ZodErrorMap = (iss) => {
  const got = JSON.stringify(iss.input);
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.expected === 'object') return 'expected an object';
      const what: Partial<Record<string, string>> = {
        number: 'a finite number',
        int: 'a whole number',
        string: 'a non-empty string',
        array: 'an array',
        boolean: 'a boolean',
      };
      return `expected ${what[iss.expected] ?? iss.expected}, got ${got}`;
    }
    case 'too_small':
      return iss.origin === 'string'
        ? `expected a non-empty string, got ${got}`
        : `expected ≥ ${iss.minimum}, got ${got}`;
    case 'too_big':
      return `expected ≤ ${iss.maximum}, got ${got}`;
    case 'invalid_format':
      return `'${String(iss.input)}' does not match ${iss.pattern}`;
    case 'invalid_value':
      return `expected ${iss.values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(' | ')}, got ${got}`;
  }
  return undefined;
};

/** `$.models[3].accuracy` for the path ['models', 3, 'accuracy']. */
const jsonPath = (path: readonly PropertyKey[]): string =>
  `$${path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('')}`;

/**
 * Structural and consistency checks; every problem is reported with its JSON path. The checks
 * across fields (accuracy against correct / testImages, the confusion matrix's sums, the seeds, the
 * epochs) run once the fields they compare are well-formed.
 */
export function validateManifest(value: unknown): ManifestResult {
  const r = trainedManifest.safeParse(value, { error: problem });
  if (!r.success) return { ok: false, errors: r.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`) };
  // The value as read rather than zod's copy: fields the schema does not describe are accepted and
  // kept, as they always were (scripts/train-family.ts rewrites the manifest it read).
  return { ok: true, manifest: value as TrainedManifest };
}
