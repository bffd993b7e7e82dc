/**
 * The trained-models manifest schema (src/lib/family/manifest.ts): a complete entry passes; each
 * kind of damage is reported with the JSON path of the field.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Analysis } from '~/lib/engine/analyze.ts';
import {
  trainedFileName,
  validateManifest,
  type TrainedManifest,
  type TrainedModel,
  type TrainedRecipe,
} from '~/lib/family/manifest.ts';
import type { Evaluation } from '~/lib/train/evaluate.ts';
import type { Recipe } from '~/lib/train/trainer.ts';

const K = 3;
function model(over: Partial<TrainedModel> = {}): TrainedModel {
  return {
    id: 'tiny_efficientnet_b0',
    seed: 1,
    file: 'tiny_efficientnet_b0.onnx',
    sha256: 'a'.repeat(64),
    bytes: 1000,
    params: 185380,
    macs: 1415488,
    accuracy: 0.7,
    correct: 7,
    testImages: 10,
    perClass: [1, 0.5, 0.6],
    classes: ['a', 'b', 'c'],
    confusion: [
      [3, 0, 0],
      [1, 1, 0],
      [1, 1, 3],
    ],
    curve: [
      { epoch: 1, loss: 1.2, accuracy: 0.5, lr: 0.001, seconds: 10 },
      { epoch: 2, loss: 0.8, accuracy: 0.7, lr: 0, seconds: 11 },
    ],
    segments: [
      { step: 1, epoch: 0.5, loss: 1.4, accuracy: 0.4, lr: 0.002, seconds: 5 },
      { step: 2, epoch: 1, loss: 1, accuracy: 0.6, lr: 0.001, seconds: 5 },
    ],
    firstLosses: [2.3, 2.2],
    recipe: {
      epochs: 2,
      batch: 64,
      lr: 0.002,
      optimizer: { kind: 'adamw', weightDecay: 0.05 },
      warmupEpochs: 0.5,
      labelSmoothing: 0.1,
      seed: 1,
      augment: { pad: 2, flip: true },
    },
    trainImages: 60000,
    trainSeconds: 21,
    evalSeconds: 3,
    preprocessing: {
      input: 'input',
      layout: 'NCHW',
      resolution: 32,
      channels: 1,
      scale: 255,
      resize: 'bilinear',
      mean: 0.286,
      std: 0.353,
    },
    finished: '2026-12-06T03:00:00.000Z',
    ...over,
  };
}
const manifest = (models: TrainedModel[]): TrainedManifest => ({
  version: 1,
  dataset: { name: 'Fashion-MNIST', licence: 'MIT', source: 'Debian dataset-fashion-mnist' },
  models,
});
const errorsOf = (v: unknown): string[] => {
  const r = validateManifest(v);
  return r.ok ? [] : [...r.errors];
};

describe('the trained-models manifest', () => {
  it('accepts a complete entry (and an empty family)', () => {
    expect(errorsOf(manifest([model()]))).toEqual([]);
    expect(errorsOf(manifest([]))).toEqual([]);
    expect(K).toBe(model().classes.length);
  });

  it('names the field of each problem', () => {
    expect(errorsOf(null)).toEqual(['$: expected an object']);
    expect(errorsOf({ ...manifest([]), version: 2 })).toEqual(['$.version: expected 1, got 2']);
    expect(errorsOf(manifest([model({ sha256: 'xyz' })]))).toEqual([
      `$.models[0].sha256: 'xyz' does not match /^[0-9a-f]{64}$/`,
    ]);
    expect(errorsOf(manifest([model({ accuracy: 0.71 })]))).toEqual([
      '$.models[0].accuracy: 0.71 is not correct / testImages = 7 / 10',
    ]);
    expect(errorsOf(manifest([model({ perClass: [1, 0.5] })]))).toEqual([
      '$.models[0].perClass: expected 3 entries, got 2',
    ]);
    expect(
      errorsOf(
        manifest([
          model({
            confusion: [
              [3, 0, 0],
              [1, 1, 0],
              [1, 1, 2],
            ],
          }),
        ]),
      ),
    ).toEqual([
      '$.models[0].confusion: sums to 9, not testImages 10',
      '$.models[0].confusion: diagonal 6 is not correct 7',
    ]);
    expect(errorsOf(manifest([model({ curve: [model().curve[0]] })]))).toEqual([
      '$.models[0].curve: has 1 epochs, the recipe 2',
    ]);
    expect(errorsOf(manifest([model({ segments: [] })]))).toEqual([
      '$.models[0].segments: expected at least one point',
    ]);
    expect(
      errorsOf(manifest([model({ segments: [...model().segments].reverse() })])).filter((e) => e.includes('step')),
    ).toEqual(['$.models[0].segments[1].step: expected steps to increase, got 1 after 2']);
    expect(errorsOf(manifest([model({ firstLosses: [] })]))).toEqual([
      '$.models[0].firstLosses: expected 1–20 losses, got 0',
    ]);
    expect(errorsOf(manifest([model({ seed: 2 })]))).toEqual([
      "$.models[0].recipe.seed: 1 differs from the run's seed 2",
    ]);
    expect(errorsOf(manifest([model({ preprocessing: { ...model().preprocessing, std: 0 } })]))).toEqual([
      '$.models[0].preprocessing.std: expected ≥ 1e-9, got 0',
    ]);
    expect(errorsOf(manifest([model({ finished: 'yesterday' })]))).toEqual([
      "$.models[0].finished: 'yesterday' is not a date",
    ]);
    const { curve: _c, ...noCurve } = model();
    expect(errorsOf(manifest([noCurve as TrainedModel]))).toContain(
      '$.models[0].curve: expected an array, got undefined',
    );
  });

  it('words type and range problems with the path of the field', () => {
    const dataset = manifest([]).dataset;
    expect(errorsOf({ ...manifest([]), dataset: { ...dataset, name: '' } })).toEqual([
      '$.dataset.name: expected a non-empty string, got ""',
    ]);
    expect(errorsOf(manifest([model({ bytes: 10.5 })]))).toEqual([
      '$.models[0].bytes: expected a whole number, got 10.5',
    ]);
    expect(errorsOf(manifest([{ ...model(), trainSeconds: '21' } as unknown as TrainedModel]))).toEqual([
      '$.models[0].trainSeconds: expected a finite number, got "21"',
    ]);
    expect(errorsOf(manifest([model({ perClass: [1, 1.5, 0.6] })]))).toEqual([
      '$.models[0].perClass[1]: expected ≤ 1, got 1.5',
    ]);
    const adam = { ...model().recipe, optimizer: { kind: 'adam' } };
    expect(errorsOf(manifest([{ ...model(), recipe: adam } as unknown as TrainedModel]))).toEqual([
      `$.models[0].recipe.optimizer.kind: expected 'sgd' | 'adamw', got "adam"`,
    ]);
    expect(errorsOf(manifest([model({ recipe: { ...model().recipe, augment: null } })]))).toEqual([]);
  });

  it('reports the problems of every run, not only the first', () => {
    const s2 = model({ seed: 2, file: 'tiny_efficientnet_b0.seed2.onnx', recipe: { ...model().recipe, seed: 2 } });
    expect(errorsOf(manifest([model({ sha256: 'xyz' }), { ...s2, accuracy: 0.71 }]))).toEqual([
      `$.models[0].sha256: 'xyz' does not match /^[0-9a-f]{64}$/`,
      '$.models[1].accuracy: 0.71 is not correct / testImages = 7 / 10',
    ]);
  });

  it('accepts fields it does not describe and hands the manifest back as read, with them', () => {
    const run = { ...model(), note: 'retrained', recipe: { ...model().recipe, schedule: 'cosine' } };
    const read = { ...manifest([run]), generator: 'by hand' };
    const r = validateManifest(read);
    expect(r.ok && r.manifest).toBe(read);
    expect(r.ok && r.manifest.models[0]).toHaveProperty('note', 'retrained');
  });

  it('refuses a run listed twice and a file used twice', () => {
    expect(errorsOf(manifest([model(), model()]))).toEqual([
      '$.models[1]: duplicate run tiny_efficientnet_b0@1',
      "$.models[1].file: 'tiny_efficientnet_b0.onnx' is used twice",
    ]);
    const s2 = model({
      seed: 2,
      file: trainedFileName('tiny_efficientnet_b0', 2, 1),
      recipe: { ...model().recipe, seed: 2 },
    });
    expect(errorsOf(manifest([model(), s2]))).toEqual([]);
  });

  // Checked by tsc (`npm test` type-checks tests/ first): a run stores the trainer's recipe, the
  // engine's analysis and evaluate's figures as they come, so the schema's types must not drift
  // from theirs, readonly and optional fields included.
  it('types the recipe, the analysis and the evaluation of a run exactly as the trainer and the engine do', () => {
    type Evaluated = 'accuracy' | 'correct' | 'perClass' | 'classes' | 'confusion';
    expectTypeOf<TrainedRecipe>().toEqualTypeOf<Recipe>();
    expectTypeOf<Pick<TrainedModel, 'params' | 'macs'>>().toEqualTypeOf<Readonly<Pick<Analysis, 'params' | 'macs'>>>();
    expectTypeOf<Pick<TrainedModel, Evaluated>>().toEqualTypeOf<Pick<Evaluation, Evaluated>>();
  });

  it('names files <id>.onnx for the first seed and <id>.seed<k>.onnx for the others', () => {
    expect(trainedFileName('tiny_vit', 1, 1)).toBe('tiny_vit.onnx');
    expect(trainedFileName('tiny_vit', 2, 1)).toBe('tiny_vit.seed2.onnx');
  });
});
