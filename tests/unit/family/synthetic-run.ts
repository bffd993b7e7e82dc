// A well-formed synthetic run for tests of what reads the manifest: built on a real fixture entry so every field
// the validator checks is present, with `correct` of the test images right, spread over the confusion diagonal and
// the rest in one off-diagonal column (each row sums to testImages / classes, as a balanced test set does).
import { readFileSync } from 'node:fs';
import type { TrainedManifest, TrainedModel } from '~/lib/family/manifest.ts';

/** tests/fixtures/trained/manifest.json: a real manifest (one briefly trained model) that synthetic runs start from. */
export const FIXTURE_MANIFEST = JSON.parse(
  readFileSync(new URL('../../fixtures/trained/manifest.json', import.meta.url), 'utf8'),
) as TrainedManifest;

export function syntheticRun(
  template: TrainedModel,
  id: string,
  seed: number,
  correct: number,
  cost: { macs: number; params: number },
): TrainedModel {
  const n = template.testImages;
  const K = template.classes.length;
  const confusion = Array.from({ length: K }, (_, r) => {
    const row = new Array<number>(K).fill(0);
    const diag = Math.floor(correct / K) + (r < correct % K ? 1 : 0);
    row[r] = diag;
    row[r === 0 ? 1 : 0] = n / K - diag;
    return row;
  });
  return {
    ...template,
    id,
    seed,
    file: seed === 1 ? `${id}.onnx` : `${id}.seed${seed}.onnx`,
    macs: cost.macs,
    params: cost.params,
    correct,
    accuracy: correct / n,
    perClass: confusion.map((row, r) => row[r] / (n / K)),
    confusion,
    recipe: { ...template.recipe, seed },
  };
}
