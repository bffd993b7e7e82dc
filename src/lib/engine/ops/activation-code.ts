/**
 * Activations a Conv/Gemm kernel can apply in its store loop when the graph lets us fuse them
 * (Conv → [BatchNormalization] → activation with no other reader in between).
 */
export const enum Act {
  None = 0,
  Relu = 1,
  /** Clip(x, lo, hi): Relu6 when lo = 0, hi = 6. */
  Clip = 2,
  /** x · clip(x·α + β, 0, 1) with α = 1/6, β = 0.5 (ONNX HardSwish). */
  HardSwish = 3,
  /** clip(x·α + β, 0, 1) */
  HardSigmoid = 4,
  Sigmoid = 5,
  /** x · sigmoid(x) (SiLU / Swish, the Sigmoid → Mul pattern). */
  Swish = 6,
}

/** Per-output-row scale and shift then an activation, applied as each value is stored. */
export interface Epilogue {
  /** Multiplier per output row (channel); null means 1. */
  readonly scale: Float32Array | null;
  /** Added per output row after scaling (bias, or folded BatchNorm); null means 0. */
  readonly shift: Float32Array | null;
  readonly act: Act;
  /** Clip lo / HardSigmoid α. */
  readonly p0: number;
  /** Clip hi / HardSigmoid β. */
  readonly p1: number;
}

export const NO_EPILOGUE: Epilogue = { scale: null, shift: null, act: Act.None, p0: 0, p1: 0 };

/** Applies the activation to a row segment in place (used after accumulation loops). */
export function activateRow(y: Float32Array, start: number, end: number, act: Act, p0: number, p1: number): void {
  switch (act) {
    case Act.None:
      return;
    case Act.Relu:
      for (let i = start; i < end; i++) if (y[i] < 0) y[i] = 0; // NaN stays NaN, as in Relu's spec
      return;
    case Act.Clip:
      for (let i = start; i < end; i++) {
        const v = y[i] < p0 ? p0 : y[i];
        y[i] = v > p1 ? p1 : v; // min(max(x, lo), hi): hi wins when lo > hi (ONNX Clip)
      }
      return;
    case Act.HardSwish:
      for (let i = start; i < end; i++) {
        const v = y[i];
        const g = v * p0 + p1;
        y[i] = g <= 0 ? 0 : g >= 1 ? v : v * g;
      }
      return;
    case Act.HardSigmoid:
      for (let i = start; i < end; i++) {
        const g = y[i] * p0 + p1;
        y[i] = g < 0 ? 0 : g > 1 ? 1 : g;
      }
      return;
    case Act.Sigmoid:
      for (let i = start; i < end; i++) y[i] = 1 / (1 + Math.exp(-y[i]));
      return;
    case Act.Swish:
      for (let i = start; i < end; i++) {
        const v = y[i];
        y[i] = v / (1 + Math.exp(-v));
      }
      return;
  }
}
