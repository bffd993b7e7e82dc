/**
 * Engine-vs-onnxruntime agreement per node: the largest absolute difference between the two
 * runtimes' values of each node output. A NaN anywhere counts as an infinite difference, so a
 * broken kernel cannot hide behind a NaN comparison.
 */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= m)) m = Number.isNaN(d) ? Infinity : d;
  }
  return m;
}

export interface NodeAgreement {
  readonly node: string;
  readonly maxAbs: number;
  /**
   * maxAbs / max(1, largest |ORT value| of the node): absolute for small activations, relative for
   * large ones (float32 keeps about 7 significant digits, so a value near 100 cannot agree to 1e-4
   * absolutely after hundreds of accumulated products; numpy's allclose mixes the two the same way).
   */
  readonly scaled: number;
}

/** The largest |v| (NaN counts as infinite). */
export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (!(v <= m)) m = Number.isNaN(v) ? Infinity : v;
  }
  return m;
}

/** Per node (in graph order) the agreement of its output with ORT's; nodes ORT did not return are skipped. */
export function agreementTable(
  nodes: readonly { readonly name: string; readonly output: string }[],
  engine: (output: string) => ArrayLike<number> | undefined,
  ort: Readonly<Record<string, ArrayLike<number>>>,
): NodeAgreement[] {
  const out: NodeAgreement[] = [];
  for (const n of nodes) {
    const a = engine(n.output);
    const b = ort[n.output];
    if (!a || !b) continue;
    const d = maxAbsDiff(a, b);
    out.push({ node: n.name, maxAbs: d, scaled: d / Math.max(1, maxAbs(b)) });
  }
  return out;
}
