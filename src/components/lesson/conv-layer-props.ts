/** Checks a lesson component's convolution props and fills defaults (a 3×3 conv, 56×56, 64→64). */
import { expectBool, expectInt, expectOneOf, PropError } from './props.ts';
import { CONV_LIMITS, convProblem, type ConvLayer } from '~/lib/viz/lessons/conv-cost.ts';

export const DEFAULT_LAYER: ConvLayer = {
  h: 56,
  w: 56,
  cin: 64,
  cout: 64,
  k: 3,
  stride: 1,
  groups: 1,
  padding: 'same',
  bias: false,
};

export function convLayerFromProps(component: string, props: Partial<Record<keyof ConvLayer, unknown>>): ConvLayer {
  const layer: ConvLayer = { ...DEFAULT_LAYER };
  for (const key of Object.keys(CONV_LIMITS) as (keyof typeof CONV_LIMITS)[]) {
    if (props[key] !== undefined)
      layer[key] = expectInt(component, key, props[key], CONV_LIMITS[key].min, CONV_LIMITS[key].max);
  }
  if (props.padding !== undefined)
    layer.padding = expectOneOf(component, 'padding', props.padding, ['same', 'valid'] as const);
  if (props.bias !== undefined) layer.bias = expectBool(component, 'bias', props.bias);
  const problem = convProblem(layer);
  if (problem) throw new PropError(`<${component}> describes an invalid convolution: ${problem}`);
  return layer;
}
