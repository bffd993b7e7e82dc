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
  return a.value;
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
  return a.type === 'float' ? [a.value] : [...a.value];
}
