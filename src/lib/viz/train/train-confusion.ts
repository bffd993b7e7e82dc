/**
 * The playground's evaluation figures from test labels and predictions: the confusion matrix
 * (rows the true class, columns the predicted, as src/lib/train/evaluate.ts orders it), cell
 * shading, and the misclassified examples shown as images (spread over the true classes so one
 * confusable class does not fill the grid).
 */

export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>, classes = 10): number[][] {
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < predicted.length; i++) m[labels[i]][predicted[i]]++;
  return m;
}

/** Share of the row's images in a cell, 0–1 (0 for an empty row). */
export function rowShare(m: readonly (readonly number[])[], r: number, c: number): number {
  const total = m[r].reduce((a, b) => a + b, 0);
  return total === 0 ? 0 : m[r][c] / total;
}

export interface Miss {
  readonly index: number;
  readonly label: number;
  readonly predicted: number;
}

/** Up to `max` misclassified images, taking one per true class in turn (in index order within a class). */
export function misclassified(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  max: number,
  classes = 10,
): Miss[] {
  const byClass: Miss[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < predicted.length; i++)
    if (predicted[i] !== labels[i]) byClass[labels[i]].push({ index: i, label: labels[i], predicted: predicted[i] });
  const out: Miss[] = [];
  for (let round = 0; out.length < max; round++) {
    let any = false;
    for (const list of byClass) {
      if (round < list.length && out.length < max) {
        out.push(list[round]);
        any = true;
      }
    }
    if (!any) break;
  }
  return out;
}
