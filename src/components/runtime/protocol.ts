/**
 * Messages between the debugger page and its worker (src/workers/debugger.worker.ts). Tensors
 * travel as structured clones; explanations are the engine's plain data.
 */
import type { Explanation, Node, OutputPosition, Tensor } from '~/lib/engine/index.ts';
import type { BlockBackward } from '~/lib/viz/debugger/backward-explain.ts';

/**
 * What to load: a zoo model by id (weights materialised from its seed), a block `.onnx` by URL, or
 * the bytes of a file the reader opened on /explore/ (with static shapes for symbolic inputs).
 */
export type ModelSource =
  | { kind: 'zoo'; id: string; seed?: number }
  | { kind: 'onnx'; url: string }
  | { kind: 'bytes'; bytes: ArrayBuffer; name: string; inputShapes?: Record<string, number[]> };

/** A batch of natural images [N, 3, R, R] to calibrate BatchNorm statistics on (see workers/calibrate.ts). */
export type Calibration = Tensor;

/**
 * One node as the page sees it: the graph's node without its attributes, with the engine's analysis
 * of it (MACs, shapes; 0 and [] where the analysis has no row) and which of its inputs are weights.
 */
export interface NodeInfo extends Pick<Node, 'name' | 'opType' | 'scope' | 'inputs' | 'outputs'> {
  /** Which inputs are weights (initializers), by position. */
  readonly weights: readonly boolean[];
  readonly macs: number;
  readonly outputDims: readonly (readonly number[])[];
  readonly inputDims: readonly (readonly number[])[];
}

export type RuntimeRequest =
  | { id: number; type: 'open'; source: ModelSource; calibration?: Calibration }
  /** Start a fresh run on this input (graph input name → tensor). */
  | { id: number; type: 'feed'; input: Tensor }
  /** Run until node `index` has run (a no-op when it already has); reply with its tensors. */
  | { id: number; type: 'goto'; index: number }
  | { id: number; type: 'explain'; node: string; at: OutputPosition }
  | { id: number; type: 'values'; names: readonly string[] }
  /**
   * onnxruntime-web: median latency over `runs` runs, and per-node agreement with the engine; with
   * `engine` (after the agreement) the engine's own whole runs timed the same way.
   */
  | { id: number; type: 'ort'; runs: number; agreement: boolean; engine?: boolean }
  /**
   * Run the engine's kernels on this many threads from now on (2: the worker starts its kernel
   * worker the first time, cross-origin isolated pages only); answered with the count it got.
   */
  | { id: number; type: 'threads'; threads: 1 | 2 }
  /** Latency in onnxruntime-web of zoo models (materialised here), one at a time. */
  | { id: number; type: 'measure'; ids: readonly string[]; runs: number }
  /** Grad-CAM on the fed input: the feature map `value` and ∂(logit `classIndex`)/∂value by the engine's backward. */
  | { id: number; type: 'gradcam'; value: string; classIndex: number }
  /** Full forward runs of other inputs (the open model, the stepper's run untouched): these values of each. */
  | { id: number; type: 'probe'; inputs: readonly Tensor[]; names: readonly string[] }
  /** The backward pass of one block (cross-entropy against `label`) on the fed input, node by node. */
  | { id: number; type: 'backward'; block: string; label: number };

export interface StepTensors {
  readonly index: number;
  readonly inputs: readonly (Tensor | null)[];
  readonly outputs: readonly Tensor[];
  /** The node's activation parameters (Clip bounds, HardSigmoid α and β) when it has any. */
  readonly params?: readonly [number, number];
}

export interface OrtResult {
  readonly medianMs: number;
  readonly runsMs: readonly number[];
  readonly threads: number;
  /** Per node (by output name): largest |engine − ORT|; absent when agreement was not asked. */
  readonly agreement?: readonly { readonly node: string; readonly maxAbs: number; readonly scaled: number }[];
  readonly maxAbs?: number;
  /** Largest scaled difference over all nodes (see ort-agreement.ts). */
  readonly maxScaled?: number;
  /** The engine's own whole runs on the same input, timed like ORT's (absent where not asked, as on /explore/). */
  readonly engine?: EngineTiming;
}

export interface EngineTiming {
  readonly medianMs: number;
  readonly runsMs: readonly number[];
  readonly threads: number;
  /** Kernel calls split with the second thread during these runs (0 on one thread). */
  readonly splitCalls: number;
}

export interface MeasureRow {
  readonly id: string;
  readonly macs: number;
  readonly params: number;
  readonly medianMs: number;
  readonly threads: number;
}

export type RuntimeResponse =
  | { id: number; type: 'progress'; phase: string; done: number; total: number }
  | { id: number; type: 'opened'; nodes: NodeInfo[]; input: { name: string; dims: number[] }; params: number }
  | { id: number; type: 'fed' }
  /** `ms`: per node, its time in the engine (NaN when not yet run). */
  | { id: number; type: 'at'; step: StepTensors; ms: number[] }
  | { id: number; type: 'explained'; explanation: Explanation }
  | { id: number; type: 'values'; values: Record<string, Tensor> }
  | { id: number; type: 'ort'; result: OrtResult }
  | { id: number; type: 'measured'; row: MeasureRow }
  /** `message`: why the engine has fewer threads than were asked for. */
  | { id: number; type: 'threads'; threads: number; message?: string }
  | { id: number; type: 'gradcam'; activation: Tensor; gradient: Tensor; logits: Tensor }
  | { id: number; type: 'probed'; values: Record<string, Tensor>[] }
  | { id: number; type: 'backward'; result: BlockBackward }
  | { id: number; type: 'done' }
  | { id: number; type: 'error'; message: string };
