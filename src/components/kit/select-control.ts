/**
 * A select's ControlSpec from the values it offers and how each is named, the commonest control a
 * widget's frontmatter writes: `selectControl('size', 'Model', size, V2_SIZES, (s) => V2_LABELS[s])`.
 * Values are the form's strings (a number is offered as its String()).
 */
import type { ControlSpec } from '~/lib/viz/kit/controls.ts';

export function selectControl<V extends string | number>(
  name: string,
  label: string,
  value: V,
  values: readonly V[],
  labelOf: (v: V) => string,
): ControlSpec {
  return {
    kind: 'select',
    name,
    label,
    value: String(value),
    options: values.map((v) => ({ value: String(v), label: labelOf(v) })),
  };
}
