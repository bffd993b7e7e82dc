/**
 * The engine learns: the training forward (a tape), backward (all at once or one node per step),
 * parameter roles, the up-front memory estimate and the explanation of a Conv weight gradient.
 *
 * Typical step:
 *   const { tape, outputs, buffers } = trainingForward(graph, { input: x }, { training: true, seed, inputGrads: false });
 *   const dLogits = …loss gradient w.r.t. outputs[logitsName]…;
 *   const { params } = backward(tape, { [logitsName]: dLogits });   // Map initializer → dL/dθ
 *   …optimizer updates graph.initializers data in place for each name in params…
 *   applyBuffers(graph, buffers);                                  // BatchNorm running statistics
 *
 * Gradients exist for every op the registry gives a `backward` (see registry.ts); training a graph
 * whose gradient path crosses an op without one throws EngineError 'no-gradient' naming it.
 */
export {
  trainingForward,
  applyBuffers,
  type Tape,
  type TapeRecord,
  type TrainingForwardOptions,
  type TrainingForwardResult,
} from './tape.ts';
export { backward, executeBackward, type BackwardOptions, type BackwardStep, type Gradients } from './backward.ts';
export { gradientPath, parameterRoles, trainableNames, type GradientPath, type ParameterRole } from './path.ts';
export { checkTrainingMemory, trainingMemory, type TrainingMemory } from './memory.ts';
export { explainWeightGradient, type WeightPosition } from './explain.ts';
export { valueGradient, type ValueGradient } from './value-gradient.ts';
