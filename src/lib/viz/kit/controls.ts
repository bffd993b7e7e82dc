/**
 * The labelled controls every widget repeats (slider, select, radio group, toggle, number) as data, and the pure
 * half of reading them: parsing a form's or a URL's strings back into typed values with the spec's
 * bounds, so a hand-edited link cannot put a widget into a state its controls could not reach.
 * `<Controls controls={…} />` renders the specs; `bindControls` in the browser reads them.
 *
 * @example
 * const controls: ControlSpec[] = [
 *   { kind: 'range', name: 'k', label: 'Kernel k', value: 3, min: 1, max: 7, step: 2 },
 *   { kind: 'select', name: 'act', label: 'Activation', value: 'relu6',
 *     options: [{ value: 'relu', label: 'ReLU' }, { value: 'relu6', label: 'ReLU6' }] },
 * ];
 * parseControls(controls, new URLSearchParams('?k=5&act=gelu')); // { k: 5, act: 'relu6' }
 */

export interface ControlSpec {
  kind: 'range' | 'select' | 'radio' | 'toggle' | 'number';
  /** Form field name, test hook (input[name=…]) and URL parameter (after the widget's prefix). */
  name: string;
  label: string;
  value: number | string | boolean;
  min?: number;
  max?: number;
  step?: number;
  /** A select's or radio group's choices. */
  options?: readonly { value: string; label: string }[];
  /**
   * A range's named stops: one name per value min, min + step, …, max (e.g. 'B0' … 'B7', or
   * 'w = 1.4'). The <output>, the screen reader's value (aria-valuetext) and the words under the
   * slider's two ends read the names instead of the numbers.
   */
  stops?: readonly string[];
  /**
   * A range's words under its two ends when they are not its first and last stop names (e.g.
   * 'plenty of bandwidth' … 'starved' under a slider whose stops are numbers).
   */
  ends?: readonly [string, string];
  /**
   * Shown after the value in the control's <output>, e.g. '×' or 'px'; after a named stop it
   * follows the <output> ('B = <output>8</output> MACs per byte'), so the output holds the name.
   */
  unit?: string;
}

/**
 * A select's or radio group's options from value → label pairs, in order:
 * `choices({ both: 'both', printed: 'as printed' })`.
 */
export function choices(labels: Readonly<Record<string, string>>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** A select at `value` over value → label pairs, in order (see `choices`). */
export function selectControl(
  name: string,
  label: string,
  value: string,
  labels: Readonly<Record<string, string>>,
): ControlSpec {
  return { kind: 'select', name, label, value, options: choices(labels) };
}

/**
 * Whole-number controls (sliders or number boxes), one per field, each at its value in `values`
 * and within its bounds in `limits`.
 */
export function boundedControls<K extends string>(
  kind: 'range' | 'number',
  fields: readonly { readonly name: K; readonly label: string }[],
  values: Readonly<Record<K, number>>,
  limits: Readonly<Record<K, { readonly min: number; readonly max: number }>>,
): ControlSpec[] {
  return fields.map(({ name, label }) => ({
    kind,
    name,
    label,
    value: values[name],
    min: limits[name].min,
    max: limits[name].max,
    step: 1,
  }));
}

/** One line of a widget's read-out list: `<dt>label</dt><dd data-out=key>value</dd>`. */
export interface Readout {
  key: string;
  label: string;
  value: string;
  /** A second, quieter reading after the value (e.g. "(231 M)"), in [data-out="<key>-detail"]. */
  detail?: string;
}

export type ControlValue = number | string | boolean;
export type ControlValues = Record<string, ControlValue>;

/** Why a spec cannot be rendered, or null: caught at build time, where the widget is written. */
export function controlProblem(c: ControlSpec): string | null {
  if (!/^[A-Za-z][\w-]*$/.test(c.name))
    return `control name "${c.name}" must start with a letter and hold only letters, digits, - and _`;
  switch (c.kind) {
    case 'range':
    case 'number': {
      if (typeof c.value !== 'number' || !Number.isFinite(c.value))
        return `${c.kind} "${c.name}" needs a numeric value, got ${JSON.stringify(c.value)}`;
      if (c.kind === 'range' && (c.min === undefined || c.max === undefined))
        return `range "${c.name}" needs min and max`;
      if (c.min !== undefined && c.max !== undefined && c.min > c.max)
        return `${c.kind} "${c.name}": min ${c.min} is above max ${c.max}`;
      if ((c.min !== undefined && c.value < c.min) || (c.max !== undefined && c.value > c.max)) {
        return `${c.kind} "${c.name}": value ${c.value} is outside ${c.min ?? '−∞'}…${c.max ?? '∞'}`;
      }
      if (c.step !== undefined && !(c.step > 0)) return `${c.kind} "${c.name}": step must be positive, got ${c.step}`;
      if (c.ends !== undefined && (c.kind !== 'range' || c.ends.length !== 2))
        return `${c.kind} "${c.name}": ends are two words under a range's ends`;
      if (c.stops !== undefined) {
        if (c.kind !== 'range') return `number "${c.name}": only a range has named stops`;
        const count = Math.round((c.max! - c.min!) / (c.step ?? 1)) + 1;
        if (c.stops.length !== count)
          return `range "${c.name}": ${c.stops.length} stop names for ${count} stops (${c.min}…${c.max} in steps of ${c.step ?? 1})`;
      }
      return null;
    }
    case 'select':
    case 'radio':
      if (!c.options?.length) return `${c.kind} "${c.name}" needs options`;
      if (!c.options.some((o) => o.value === c.value))
        return `${c.kind} "${c.name}": value ${JSON.stringify(c.value)} is not one of its options`;
      return null;
    case 'toggle':
      return typeof c.value === 'boolean'
        ? null
        : `toggle "${c.name}" needs a true/false value, got ${JSON.stringify(c.value)}`;
  }
}

/** Snaps a number to the spec's step grid (counted from min, as <input type=range> does) and bounds. */
function snap(c: ControlSpec, v: number): number {
  let x = v;
  if (c.step !== undefined) {
    const base = c.min ?? 0;
    x = base + Math.round((x - base) / c.step) * c.step;
    // Keep the step's decimals: 0.1 + 2 · 0.1 is 0.30000000000000004 otherwise.
    const decimals = (String(c.step).split('.')[1] ?? '').length;
    x = Number(x.toFixed(decimals));
  }
  if (c.min !== undefined) x = Math.max(c.min, x);
  if (c.max !== undefined) x = Math.min(c.max, x);
  return x;
}

/**
 * One control's value from the string a form field or URL holds; null when the string is missing
 * or not a value this control can take (the caller keeps its current value).
 * Toggles read '1'/'true'/'on' as on and '0'/'false'/'off' as off.
 */
export function parseControlValue(c: ControlSpec, raw: string | null | undefined): ControlValue | null {
  if (raw === null || raw === undefined) return null;
  switch (c.kind) {
    case 'range':
    case 'number': {
      const t = raw.trim();
      if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(t)) return null;
      return snap(c, Number(t));
    }
    case 'select':
    case 'radio':
      return c.options?.some((o) => o.value === raw) ? raw : null;
    case 'toggle':
      if (['1', 'true', 'on'].includes(raw)) return true;
      if (['0', 'false', 'off'].includes(raw)) return false;
      return null;
  }
}

/** Every control's value: the parsed string when valid, else the spec's value. */
export function parseControls(
  specs: readonly ControlSpec[],
  get: { get(name: string): string | null },
  prefix = '',
): ControlValues {
  const out: ControlValues = {};
  for (const c of specs) out[c.name] = parseControlValue(c, get.get(prefix + c.name)) ?? c.value;
  return out;
}

/** A range's stop name for a value (null without stops or off the grid). */
export function stopName(c: ControlSpec, v: ControlValue): string | null {
  if (!c.stops || typeof v !== 'number') return null;
  return c.stops[Math.round((v - (c.min ?? 0)) / (c.step ?? 1))] ?? null;
}

/** The words under a range's two ends: its `ends`, else its first and last stop names, else none. */
export function rangeEnds(c: ControlSpec): readonly [string, string] | null {
  if (c.ends) return c.ends;
  return c.stops?.length ? [c.stops[0]!, c.stops.at(-1)!] : null;
}

/** What a screen reader says for a range's value (aria-valuetext): its stop name and unit, or null without stops. */
export function stopValueText(c: ControlSpec, v: ControlValue): string | null {
  const stop = stopName(c, v);
  return stop === null ? null : c.unit ? `${stop} ${c.unit}` : stop;
}

/** How a value reads in the control's <output>: the stop name, number or option label, then the unit. */
export function formatControlValue(c: ControlSpec, v: ControlValue): string {
  let text: string;
  const stop = stopName(c, v);
  if (stop !== null) return stop;
  if (c.kind === 'select' || c.kind === 'radio') text = c.options?.find((o) => o.value === v)?.label ?? String(v);
  else if (c.kind === 'toggle') text = v ? 'on' : 'off';
  else text = String(v);
  return c.unit ? `${text}${c.unit.startsWith('×') || c.unit === '%' ? '' : ' '}${c.unit}` : text;
}

/** The string a value is written as in a URL or form field (the inverse of parseControlValue). */
export function encodeControlValue(v: ControlValue): string {
  return typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
}

/**
 * The URL query (without '?') holding the values that differ from the specs' defaults, after the
 * page's other parameters: a link carries only what the reader changed.
 */
export function controlsQuery(
  specs: readonly ControlSpec[],
  values: ControlValues,
  search: string,
  prefix = '',
): string {
  const q = new URLSearchParams(search);
  for (const c of specs) {
    const v = values[c.name];
    if (v === undefined || v === c.value) q.delete(prefix + c.name);
    else q.set(prefix + c.name, encodeControlValue(v));
  }
  return q.toString();
}
