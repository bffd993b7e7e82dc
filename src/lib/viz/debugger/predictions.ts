/**
 * A classifier's output read as predictions: softmax over the logits (shifted by their maximum so
 * exp never overflows), the k most probable classes with their names when the model has a class
 * list. Pure: the debugger's predictions panel draws what this returns.
 */
export interface Prediction {
  readonly index: number;
  /** The class name, or undefined when the model's classes have no names. */
  readonly name: string | undefined;
  readonly probability: number;
  readonly logit: number;
}

/** softmax(logits), in float64. */
export function softmax(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i] > max) max = logits[i];
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i] - max);
    sum += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

/** The k most probable classes, most probable first (ties: lower index first). */
export function topPredictions(logits: ArrayLike<number>, k = 5, names?: readonly string[]): Prediction[] {
  const p = softmax(logits);
  const idx = Array.from({ length: p.length }, (_, i) => i)
    .sort((a, b) => p[b] - p[a] || a - b)
    .slice(0, k);
  return idx.map((i) => ({ index: i, name: names?.[i], probability: p[i], logit: logits[i] }));
}

/** "great white shark, white shark, man-eater, …" → "great white shark": ImageNet lists synonyms, the first is the common name. */
export function shortClassName(name: string): string {
  return name.split(',')[0].trim();
}

/** Whether an op's output is a classifier's scores: a [1, numClasses] row at the last node. */
export function isClassifierOutput(
  dims: readonly number[],
  numClasses: number | undefined,
  isLastNode: boolean,
): boolean {
  return (
    isLastNode &&
    numClasses !== undefined &&
    dims.length === 2 &&
    dims[0] === 1 &&
    dims[1] === numClasses &&
    numClasses > 1
  );
}
