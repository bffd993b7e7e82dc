/**
 * The one error type the engine throws. `code` lets callers (the CLI, the worker, the UI) react
 * without parsing messages; the message always names the node and what is missing or wrong.
 */
export type EngineErrorCode =
  | 'unsupported-op'
  | 'shape'
  | 'attribute'
  | 'missing-input'
  | 'undeclared-weight'
  | 'dtype'
  | 'cancelled'
  | 'explain'
  /** Training met an op that has no gradient rule (grad/). */
  | 'no-gradient';

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly node?: string;

  constructor(code: EngineErrorCode, message: string, node?: string) {
    super(node === undefined ? message : `${message} (node '${node}')`);
    this.name = 'EngineError';
    this.code = code;
    if (node !== undefined) this.node = node;
  }
}
