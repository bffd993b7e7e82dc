/**
 * The debugger's view as URL query parameters (after tensorflow/playground, which keeps every control
 * in the URL), so any view can be shared or linked from a lesson. The model is the page's path;
 * the rest is `?input=coffee&step=12&ch=3&px=4,5&side=out`. Unknown or malformed values fall back
 * to defaults instead of failing, because links outlive the graphs they point into.
 */
export type Side = 'in' | 'out';

export interface DebuggerView {
  /** A bundled sample name, 'upload', 'drawing' or 'reference' (the zoo's synthetic input). */
  readonly input: string;
  /** Index of the last node run; −1 = only preprocessing shown. */
  readonly step: number;
  /** Selected channel of the shown tensor, or −1. */
  readonly channel: number;
  /** Selected output pixel [y, x], or null. */
  readonly pixel: readonly [number, number] | null;
  readonly side: Side;
}

export const DEFAULT_VIEW: DebuggerView = { input: 'astronaut', step: -1, channel: -1, pixel: null, side: 'out' };

const INT = /^-?\d+$/;
const NAME = /^[a-z0-9_-]{1,40}$/;

export function parseView(search: string, defaults: DebuggerView = DEFAULT_VIEW): DebuggerView {
  const q = new URLSearchParams(search);
  const int = (k: string, min: number, fallback: number): number => {
    const v = q.get(k);
    return v !== null && INT.test(v) && Number(v) >= min ? Number(v) : fallback;
  };
  const input = q.get('input');
  const px = q.get('px')?.split(',');
  const pixel: readonly [number, number] | null =
    px && px.length === 2 && px.every((s) => INT.test(s) && Number(s) >= 0)
      ? [Number(px[0]), Number(px[1])]
      : defaults.pixel;
  const side = q.get('side');
  return {
    input: input !== null && NAME.test(input) ? input : defaults.input,
    step: int('step', -1, defaults.step),
    channel: int('ch', -1, defaults.channel),
    pixel,
    side: side === 'in' || side === 'out' ? side : defaults.side,
  };
}

/** Query string (with '?', or '' when everything is default) that parseView reads back to `view`. */
export function formatView(view: DebuggerView, defaults: DebuggerView = DEFAULT_VIEW): string {
  const q = new URLSearchParams();
  if (view.input !== defaults.input) q.set('input', view.input);
  if (view.step !== defaults.step) q.set('step', String(view.step));
  if (view.channel !== defaults.channel) q.set('ch', String(view.channel));
  if (view.pixel && (!defaults.pixel || view.pixel[0] !== defaults.pixel[0] || view.pixel[1] !== defaults.pixel[1])) {
    q.set('px', `${view.pixel[0]},${view.pixel[1]}`);
  }
  if (view.side !== defaults.side) q.set('side', view.side);
  const s = q.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}
