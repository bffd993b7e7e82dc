export * from './tensor.ts';
export * from './graph.ts';
export { EngineError, type EngineErrorCode } from './errors.ts';
export type {
  BackwardArgs,
  Gradient,
  LayerShape,
  OpDef,
  PlanArgs,
  Planned,
  TrainContext,
  TrainForward,
  ValueMeta,
} from './op.ts';
export { isSupported, OPS } from './registry.ts';
export { analyze, type Analysis, type LayerStats } from './analyze.ts';
export { execute, type ExecuteOptions, type Step } from './execute.ts';
export { runGraph } from './run.ts';
export { advanceTo, groupSteps, scopeKey, type StepGroup, type StepLevel } from './steps.ts';
export { explain, flatIndex, type OutputPosition, type ValueLookup } from './explain.ts';
export type * from './explanation.ts';
export type { ConvGeometry, ConvVariant } from './ops/conv-geometry.ts';
export type { PoolGeometry } from './ops/pool.ts';
export { UNARY, type UnaryRow } from './ops/unary.ts';
export { createWorkerHandler } from './worker.ts';
export type * from './worker-protocol.ts';
export * from './grad/index.ts';
