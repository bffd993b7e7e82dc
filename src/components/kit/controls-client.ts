/**
 * The browser half of <Controls>: read the form's values (typed and bounded by the same specs the
 * build rendered), keep each range's <output> in step, and optionally mirror the values in the URL
 * (after tensorflow/playground, which keeps every control in the URL so any view can be linked).
 * URL parameters are `${urlPrefix}${name}` and only values that differ from the defaults are written.
 */
import {
  controlsQuery,
  encodeControlValue,
  formatControlValue,
  parseControls,
  parseControlValue,
  rangeEnds,
  stopValueText,
  type ControlSpec,
  type ControlValues,
} from '~/lib/viz/kit/controls.ts';

type Field = HTMLInputElement | HTMLSelectElement;

/** The specs <Controls> wrote into data-controls. */
export function controlSpecs(form: HTMLFormElement): ControlSpec[] {
  return JSON.parse(form.dataset.controls ?? '[]') as ControlSpec[];
}

/** A control's field; a radio group's RadioNodeList reads and sets its checked value the same way. */
function field(form: HTMLFormElement, name: string): Field | RadioNodeList | null {
  const el = form.elements.namedItem(name);
  return el && 'value' in el ? (el as Field | RadioNodeList) : null;
}

/**
 * Every control's current value. Number fields are read as typed (NaN when empty or not a number,
 * no clamping), so the widget can say what is wrong instead of silently using another value;
 * ranges and selects cannot hold a value outside their spec.
 */
export function readControls(form: HTMLFormElement): ControlValues {
  const values: ControlValues = {};
  for (const c of controlSpecs(form)) {
    const el = field(form, c.name);
    if (!el) continue;
    if (c.kind === 'toggle') {
      values[c.name] = (el as HTMLInputElement).checked;
      continue;
    }
    if (c.kind === 'number') {
      const t = el.value.trim();
      values[c.name] = t === '' ? NaN : Number(t);
      continue;
    }
    values[c.name] = parseControlValue(c, el.value) ?? c.value;
  }
  return values;
}

/** Writes values into the fields and their outputs (used when the URL or the widget sets them). */
export function setControls(form: HTMLFormElement, values: ControlValues): void {
  for (const c of controlSpecs(form)) {
    const v = values[c.name];
    const el = field(form, c.name);
    if (v === undefined || !el) continue;
    if (c.kind === 'toggle') (el as HTMLInputElement).checked = v === true;
    else el.value = encodeControlValue(v);
  }
  updateOutputs(form, values);
}

function updateOutputs(form: HTMLFormElement, values: ControlValues): void {
  for (const c of controlSpecs(form)) {
    const out = form.querySelector(`output[data-out="${c.name}"]`);
    const v = values[c.name];
    if (out && v !== undefined) out.textContent = formatControlValue(c, v);
    const text = v === undefined ? null : stopValueText(c, v);
    const el = field(form, c.name);
    if (text !== null && el instanceof HTMLInputElement) el.setAttribute('aria-valuetext', text);
  }
}

/**
 * Swaps one range's bounds and stop names for new ones (a widget whose slider walks another list
 * when another control changes) and sets its value; the spec in data-controls follows, so reading
 * and the URL use the new bounds.
 */
export function replaceRange(form: HTMLFormElement, spec: ControlSpec, value: number): void {
  const specs = controlSpecs(form).map((c) => (c.name === spec.name ? spec : c));
  form.dataset.controls = JSON.stringify(specs);
  const el = field(form, spec.name);
  if (!(el instanceof HTMLInputElement)) throw new Error(`replaceRange: no range named "${spec.name}"`);
  el.min = String(spec.min);
  el.max = String(spec.max);
  el.step = String(spec.step ?? 1);
  el.value = String(value);
  const ends = el.parentElement?.querySelectorAll('.ends > span');
  const words = rangeEnds(spec);
  if (ends?.length === 2 && words) {
    ends[0].textContent = words[0];
    ends[1].textContent = words[1];
  }
  updateOutputs(form, readControls(form));
}

export interface BindOptions {
  /** Mirror the values in the URL as `${urlPrefix}${name}` (default: the form's data-url-prefix; none = no URL state). */
  urlPrefix?: string;
}

/**
 * Calls onChange(values, name) whenever a control moves. With URL state, values in the page's URL
 * are applied first (onChange is called once if they changed anything) and every change is
 * written back with history.replaceState (no history entry per slider step). Returns the values
 * in force after binding.
 */
export function bindControls(
  form: HTMLFormElement,
  onChange: (values: ControlValues, changed: string | null) => void,
  options: BindOptions = {},
): ControlValues {
  const specs = controlSpecs(form);
  const prefix = options.urlPrefix ?? form.dataset.urlPrefix;
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', (e) => {
    const name = (e.target as Field | null)?.name ?? null;
    const values = readControls(form);
    updateOutputs(form, values);
    if (prefix !== undefined) {
      const query = controlsQuery(specs, values, location.search, prefix);
      history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    }
    onChange(values, name);
  });
  let values = readControls(form);
  if (prefix !== undefined) {
    const fromUrl = parseControls(specs, new URLSearchParams(location.search), prefix);
    if (specs.some((c) => fromUrl[c.name] !== values[c.name])) {
      setControls(form, fromUrl);
      values = readControls(form);
      onChange(values, null);
    }
  }
  return values;
}
