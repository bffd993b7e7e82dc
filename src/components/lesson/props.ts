/**
 * Prop checks for the components lessons import. A wrong prop in MDX fails the build with a message
 * naming the component, the prop, what was received and what was expected.
 */
export class PropError extends Error {}

function shown(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? String(v);
}

export function expectInt(component: string, prop: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new PropError(`<${component}> prop "${prop}" expects a whole number from ${min} to ${max}; received ${shown(value)}`);
  }
  return value;
}

export function expectOneOf<T extends string>(component: string, prop: string, value: unknown, options: readonly T[]): T {
  if (typeof value !== 'string' || !options.includes(value as T)) {
    throw new PropError(`<${component}> prop "${prop}" expects one of ${options.map((o) => `"${o}"`).join(', ')}; received ${shown(value)}`);
  }
  return value as T;
}

export function expectBool(component: string, prop: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new PropError(`<${component}> prop "${prop}" expects true or false; received ${shown(value)}`);
  return value;
}

/** A finite number from `min` to `max`, and on the grid min + k·step when `step` is given. */
export function expectNumber(component: string, prop: string, value: unknown, min: number, max: number, step?: number): number {
  const onGrid = (v: number) => step === undefined || Math.abs((v - min) / step - Math.round((v - min) / step)) < 1e-9;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || !onGrid(value)) {
    const grid = step === undefined ? '' : ` in steps of ${step}`;
    throw new PropError(`<${component}> prop "${prop}" expects a number from ${min} to ${max}${grid}; received ${shown(value)}`);
  }
  return value;
}

/** A non-empty string; `what` says what kind, e.g. 'a zoo model id such as "mobilenetv2_100"'. */
export function expectString(component: string, prop: string, value: unknown, what = 'text'): string {
  if (typeof value !== 'string' || value.length === 0) throw new PropError(`<${component}> prop "${prop}" expects ${what}; received ${shown(value)}`);
  return value;
}

/** Rejects props the component does not take (a typo in MDX would otherwise be ignored silently). */
export function expectKnownProps(component: string, props: Record<string, unknown>, known: readonly string[]): void {
  const extra = Object.keys(props).filter((k) => !known.includes(k));
  if (extra.length) {
    throw new PropError(`<${component}> does not take ${extra.map((k) => `"${k}"`).join(', ')}; its props are ${known.join(', ')}`);
  }
}
