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
