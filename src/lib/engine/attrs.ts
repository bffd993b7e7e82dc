/** Typed attribute readers: a wrong attribute type is a clear EngineError naming the node. */
import type { Node } from './graph.ts';
import { EngineError } from './errors.ts';

function wrong(node: Node, name: string, want: string): never {
  throw new EngineError('attribute', `attribute '${name}' of ${node.opType} must be ${want}`, node.name);
}

export function attrInt(node: Node, name: string, fallback: number): number {
  const a = node.attrs[name];
  if (a === undefined) return fallback;
  if (a.type !== 'int') wrong(node, name, 'an int');
  return a.value;
}

export function attrFloat(node: Node, name: string, fallback: number): number {
  const a = node.attrs[name];
  if (a === undefined) return fallback;
  if (a.type !== 'float' && a.type !== 'int') wrong(node, name, 'a float');
  // ONNX float attributes are float32 (AttributeProto.f); reading them as float32 keeps an
  // in-memory graph and its exported .onnx bit-identical (HardSigmoid's 1/6, for one).
  return a.type === 'float' ? Math.fround(a.value) : a.value;
}

export function attrString(node: Node, name: string, fallback: string): string {
  const a = node.attrs[name];
  if (a === undefined) return fallback;
  if (a.type !== 'string') wrong(node, name, 'a string');
  return a.value;
}

export function attrInts(node: Node, name: string): number[] | undefined {
  const a = node.attrs[name];
  if (a === undefined) return undefined;
  if (a.type !== 'ints' && a.type !== 'int') wrong(node, name, 'a list of ints');
  return a.type === 'int' ? [a.value] : [...a.value];
}

export function attrFloats(node: Node, name: string): number[] | undefined {
  const a = node.attrs[name];
  if (a === undefined) return undefined;
  if (a.type !== 'floats' && a.type !== 'float') wrong(node, name, 'a list of floats');
  return a.type === 'float' ? [Math.fround(a.value)] : a.value.map((v) => Math.fround(v));
}

/**
 * A per-axis window attribute (strides, dilations, pads) checked against the kernel's rank, so a
 * malformed model fails with a message instead of producing NaN shapes. `count` is `rank` for
 * strides/dilations and `2 * rank` for pads; `min` is 1 for strides/dilations, 0 for pads.
 */
export function attrAxes(node: Node, name: string, count: number, min: number, fallback: number): number[] {
  const v = attrInts(node, name);
  if (v === undefined) return new Array<number>(count).fill(fallback);
  if (v.length !== count) {
    throw new EngineError(
      'attribute',
      `attribute '${name}' of ${node.opType} needs ${count} entries, got ${v.length}`,
      node.name,
    );
  }
  if (v.some((x) => !Number.isInteger(x) || x < min)) {
    throw new EngineError(
      'attribute',
      `attribute '${name}' of ${node.opType} must be whole numbers ≥ ${min}, got [${v.join(', ')}]`,
      node.name,
    );
  }
  return v;
}
