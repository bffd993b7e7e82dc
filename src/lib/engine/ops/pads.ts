/**
 * Output size and padding of a sliding window along one spatial axis (Conv, AveragePool, MaxPool),
 * per the ONNX spec: explicit `pads`, or `auto_pad` SAME_UPPER / SAME_LOWER (output = ceil(in /
 * stride), the odd extra pad at the end resp. the beginning) or VALID (no padding).
 */
import type { Node } from '../graph.ts';
import { EngineError } from '../errors.ts';

export interface AxisWindow {
  readonly out: number;
  readonly padBegin: number;
  readonly padEnd: number;
}

export function windowAxis(
  node: Node,
  autoPad: string,
  size: number,
  kernel: number,
  stride: number,
  dilation: number,
  padBegin: number,
  padEnd: number,
  ceilMode = false,
): AxisWindow {
  const span = (kernel - 1) * dilation + 1;
  if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    const out = Math.ceil(size / stride);
    const total = Math.max(0, (out - 1) * stride + span - size);
    const small = Math.floor(total / 2);
    const begin = autoPad === 'SAME_UPPER' ? small : total - small;
    return { out, padBegin: begin, padEnd: total - begin };
  }
  let pb = padBegin;
  let pe = padEnd;
  if (autoPad === 'VALID') pb = pe = 0;
  else if (autoPad !== 'NOTSET' && autoPad !== '') {
    throw new EngineError(
      'attribute',
      `auto_pad '${autoPad}' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID`,
      node.name,
    );
  }
  const free = size + pb + pe - span;
  if (free < 0) {
    throw new EngineError(
      'shape',
      `${node.opType} window of ${span} does not fit an input of ${size} with pads ${pb}+${pe}`,
      node.name,
    );
  }
  let out = (ceilMode ? Math.ceil(free / stride) : Math.floor(free / stride)) + 1;
  // With ceil_mode a last window that would start inside the end padding is dropped
  // (ONNX pooling spec, same rule as PyTorch).
  if (ceilMode && (out - 1) * stride >= size + pb) out--;
  return { out, padBegin: pb, padEnd: pe };
}
