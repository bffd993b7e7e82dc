/**
 * What one fuzz case does to the pipeline a reader's file goes through (import → analyze → run),
 * sorted into: 'ran', 'refused' with the typed error's code, or 'crash' (anything else thrown:
 * a TypeError, a RangeError, a non-typed message). Hangs are caught outside, by a watchdog.
 */
import { analyze, runGraph, tensor, EngineError, type Tensor } from '../../index.ts';
import { checkRunBudget, type RunBudget } from '../../run-budget.ts';
import { importOnnx } from '../import-onnx.ts';
import { OnnxError } from '../onnx-error.ts';

export type Outcome = { kind: 'ran' } | { kind: 'refused'; code: string } | { kind: 'crash'; message: string };

/** Small enough that every accepted case runs in milliseconds; the UI uses larger budgets. */
export const FUZZ_BUDGET: RunBudget = { peakBytes: 16 * 2 ** 20, work: 4e6 };

/** Deterministic non-zero inputs (zeros would hide NaN paths such as 0/0). */
function inputFor(dtype: Tensor['dtype'], dims: readonly number[]): Tensor {
  const t = tensor(dtype, dims as number[]);
  for (let i = 0; i < t.data.length; i++)
    t.data[i] = dtype === 'float32' || dtype === 'float64' ? ((i * 7919) % 101) / 50 - 1 : i % 3;
  return t;
}

export function runCase(bytes: Uint8Array): Outcome {
  try {
    const graph = importOnnx(bytes, { maxWeightBytes: 16 * 2 ** 20 });
    const a = analyze(graph);
    checkRunBudget(a, FUZZ_BUDGET);
    runGraph(graph, Object.fromEntries(graph.inputs.map((i) => [i.name, inputFor(i.dtype, i.dims as number[])])));
    return { kind: 'ran' };
  } catch (e) {
    if ((e instanceof OnnxError || e instanceof EngineError) && e.message.length > 10)
      return { kind: 'refused', code: `${e.name}:${e.code}` };
    return {
      kind: 'crash',
      message:
        e instanceof Error ? `${e.name}: ${e.message}\n${e.stack?.split('\n').slice(1, 4).join('\n')}` : String(e),
    };
  }
}
