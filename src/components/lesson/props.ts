/**
 * Prop checks for the components lessons import: the one place that words a prop error. A wrong prop
 * in MDX fails the build with a message naming the component, the prop, what was expected and what
 * was received:
 *
 *   <CompoundPhi> prop "phi" expects a number from 0 to 7 in steps of 0.5; received 7.2
 *
 * A component checks each prop with one expect* call (`expectKnownProps` first, so a typo is not
 * ignored); a rule no helper covers fails through `failProp`, so it reads the same way.
 */
export class PropError extends Error {}

/** A received value as the messages show it: strings quoted, everything else as JSON. */
export function shown(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v));
}

/** Throws `<component> prop "prop" expects …; received …`. */
export function failProp(component: string, prop: string, expected: string, value: unknown): never {
  throw new PropError(`<${component}> prop "${prop}" expects ${expected}; received ${shown(value)}`);
}

export function expectInt(component: string, prop: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    failProp(component, prop, `a whole number from ${min} to ${max}`, value);
  }
  return value;
}

/** One of a fixed list of strings or numbers. */
export function expectOneOf<T extends string | number>(
  component: string,
  prop: string,
  value: unknown,
  options: readonly T[],
): T {
  if (!options.includes(value as T))
    failProp(component, prop, `one of ${options.map((o) => shown(o)).join(', ')}`, value);
  return value as T;
}

export function expectBool(component: string, prop: string, value: unknown): boolean {
  if (typeof value !== 'boolean') failProp(component, prop, 'true or false', value);
  return value;
}

/** A finite number from `min` to `max`, and on the grid min + k·step when `step` is given. */
export function expectNumber(
  component: string,
  prop: string,
  value: unknown,
  min: number,
  max: number,
  step?: number,
): number {
  const onGrid = (v: number) => step === undefined || Math.abs((v - min) / step - Math.round((v - min) / step)) < 1e-9;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || !onGrid(value)) {
    failProp(
      component,
      prop,
      `a number from ${min} to ${max}${step === undefined ? '' : ` in steps of ${step}`}`,
      value,
    );
  }
  return value;
}

/**
 * A non-empty string; `what` says what kind, e.g. 'a zoo model id such as "mobilenetv2_100"', and
 * `pattern`, when given, is the form it must have (the message is `what`, so it should show the form).
 */
export function expectString(component: string, prop: string, value: unknown, what = 'text', pattern?: RegExp): string {
  if (typeof value !== 'string' || value.trim().length === 0 || (pattern && !pattern.test(value)))
    failProp(component, prop, what, value);
  return value;
}

/** An optional prop of text (a caption, a hint): undefined when absent, else a non-empty string. */
export function expectOptionalString(
  component: string,
  prop: string,
  value: unknown,
  what = 'text',
): string | undefined {
  return value === undefined ? undefined : expectString(component, prop, value, what);
}

/** Rejects props the component does not take (a typo in MDX would otherwise be ignored silently). */
export function expectKnownProps(component: string, props: Record<string, unknown>, known: readonly string[]): void {
  const extra = Object.keys(props).filter((k) => !known.includes(k));
  if (extra.length) {
    throw new PropError(
      `<${component}> does not take ${extra.map((k) => `"${k}"`).join(', ')}; its props are ${known.join(', ')}`,
    );
  }
}

/**
 * One prop's rule for `checkProps`: checks the received value (undefined when the MDX leaves the
 * prop out) and returns the value the component uses.
 */
export type PropRule<T> = (component: string, prop: string, value: unknown) => T;

/** The rules `checkProps` takes, each the expect* check above with its default for a missing prop. */
export const prop = {
  int:
    (min: number, max: number, fallback?: number): PropRule<number> =>
    (c, p, v) =>
      v === undefined && fallback !== undefined ? fallback : expectInt(c, p, v, min, max),
  number:
    (min: number, max: number, step?: number, fallback?: number): PropRule<number> =>
    (c, p, v) =>
      v === undefined && fallback !== undefined ? fallback : expectNumber(c, p, v, min, max, step),
  oneOf:
    <T extends string | number>(options: readonly T[], fallback?: T): PropRule<T> =>
    (c, p, v) =>
      v === undefined && fallback !== undefined ? fallback : expectOneOf(c, p, v, options),
  bool:
    (fallback?: boolean): PropRule<boolean> =>
    (c, p, v) =>
      v === undefined && fallback !== undefined ? fallback : expectBool(c, p, v),
  /** Text; `what` and `pattern` as in expectString; required unless it has a fallback. */
  text:
    (what?: string, pattern?: RegExp, fallback?: string): PropRule<string> =>
    (c, p, v) =>
      v === undefined && fallback !== undefined ? fallback : expectString(c, p, v, what, pattern),
  /** Text that may be left out (a caption, a hint): undefined then. */
  optionalText:
    (what?: string): PropRule<string | undefined> =>
    (c, p, v) =>
      expectOptionalString(c, p, v, what),
  /**
   * Data the page computed and passes in (a figure from the committed models, a list of ids):
   * `ok` says whether the value has the form `what` describes.
   */
  data:
    <T>(what: string, ok: (value: T) => boolean): PropRule<T> =>
    (c, p, v) => {
      if (!ok(v as T)) failProp(c, p, what, v);
      return v as T;
    },
};

/**
 * A component's props checked in one call: props it does not name fail (`expectKnownProps`), then
 * each rule checks its prop in the order written. A component's whole frontmatter check reads
 *
 *   const { dim, caption } = checkProps('CompoundSaturation', Astro.props, {
 *     dim: prop.oneOf(SCALE_DIMS, 'width'),
 *     caption: prop.optionalText(),
 *   });
 */
export function checkProps<R extends Record<string, PropRule<unknown>>>(
  component: string,
  props: object,
  rules: R,
): { [K in keyof R]: ReturnType<R[K]> } {
  const received = props as Record<string, unknown>;
  expectKnownProps(component, received, Object.keys(rules));
  const out: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(rules)) out[name] = rule(component, name, received[name]);
  return out as { [K in keyof R]: ReturnType<R[K]> };
}
