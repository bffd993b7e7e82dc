/**
 * Softmax cross-entropy with label smoothing (Szegedy et al. 2016, arXiv 1512.00567 §7; PyTorch
 * `F.cross_entropy(label_smoothing=ε)`): the target of a sample with label y is
 * q_k = (1 − ε)·[k = y] + ε/K, the loss is −Σ_k q_k log p_k with p = softmax(z), averaged over the
 * batch, and its gradient is dL/dz_k = (p_k − q_k) / N. Computed in float64 with the max subtracted
 * (log-sum-exp), so a large logit does not overflow.
 */

export interface LossResult {
  /** Mean loss over the batch (NaN when a logit is NaN or infinite). */
  readonly loss: number;
  /** dL/dlogits, [N, K] float32. */
  readonly grad: Float32Array;
  /** Samples whose arg-max logit is the label (first maximum wins ties). */
  readonly correct: number;
  /** Arg-max class per sample. */
  readonly predicted: Int32Array;
}

export function softmaxCrossEntropy(
  logits: ArrayLike<number>,
  n: number,
  k: number,
  labels: ArrayLike<number>,
  smoothing = 0,
): LossResult {
  if (logits.length !== n * k) throw new RangeError(`softmaxCrossEntropy: ${logits.length} logits for [${n}, ${k}]`);
  if (labels.length !== n) throw new RangeError(`softmaxCrossEntropy: ${labels.length} labels for a batch of ${n}`);
  if (!(smoothing >= 0 && smoothing < 1))
    throw new RangeError(`softmaxCrossEntropy: label smoothing ${smoothing} is not in [0, 1)`);
  const grad = new Float32Array(n * k);
  const predicted = new Int32Array(n);
  const p = new Float64Array(k);
  let total = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (!(Number.isInteger(y) && y >= 0 && y < k))
      throw new RangeError(`softmaxCrossEntropy: label ${y} of sample ${i} is not a class 0–${k - 1}`);
    const row = i * k;
    let max = -Infinity;
    let arg = 0;
    for (let j = 0; j < k; j++) {
      const z = logits[row + j];
      if (z > max) {
        max = z;
        arg = j;
      }
    }
    predicted[i] = arg;
    if (arg === y) correct++;
    let sum = 0;
    for (let j = 0; j < k; j++) sum += p[j] = Math.exp(logits[row + j] - max);
    const logSum = Math.log(sum);
    let l = 0;
    for (let j = 0; j < k; j++) {
      const q = (j === y ? 1 - smoothing : 0) + smoothing / k;
      const logp = logits[row + j] - max - logSum;
      if (q !== 0) l -= q * logp;
      grad[row + j] = (p[j] / sum - q) / n;
    }
    total += l;
  }
  return { loss: total / n, grad, correct, predicted };
}
