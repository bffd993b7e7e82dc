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
    if (a && b) out.push({ node: n.name, maxAbs: maxAbsDiff(a, b) });
  }
  return out;
}
