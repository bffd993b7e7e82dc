/**
 * The element behind this lesson's widgets: every state's scene and readouts are computed at build
 * time (the state spaces are small), so the browser only shows the scene whose data-state matches
 * the controls, writes the readouts, and re-renders the formula when the state has one.
 * data-states: JSON { [state]: { readouts: { [key]: value }, tex?: string } }; the state key is the
 * form's control values joined by '|', in form order.
 */
import { renderMath } from '../render-math.ts';

interface StateData {
  readonly readouts: Record<string, string>;
  readonly tex?: string;
}

export class Effv2Switch extends HTMLElement {
  private states: Record<string, StateData> = {};

  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('form.effv2-controls');
    if (!form) return;
    this.states = JSON.parse(this.dataset.states ?? '{}') as Record<string, StateData>;
    form.hidden = false;
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('input', () => this.update(form));
    form.addEventListener('change', () => this.update(form));
    this.update(form);
  }

  /** The current state key, from the form's selects and inputs in order. */
  key(form: HTMLFormElement): string {
    return [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input')].map((c) => c.value).join('|');
  }

  private update(form: HTMLFormElement): void {
    const key = this.key(form);
    const st = this.states[key];
    if (!st) return;
    this.dataset.current = key;
    for (const svg of this.querySelectorAll<SVGSVGElement>('svg.effv2-scene[data-state]')) svg.toggleAttribute('hidden', svg.dataset.state !== key);
    for (const [k, v] of Object.entries(st.readouts)) {
      for (const el of this.querySelectorAll<HTMLElement>(`[data-out="${k}"]`)) el.textContent = v;
    }
    for (const r of form.querySelectorAll<HTMLInputElement>('input[type="range"]')) {
      const out = form.querySelector<HTMLOutputElement>(`output[for="${r.id}"]`);
      if (out) out.textContent = r.value;
      r.setAttribute('aria-valuetext', `${r.dataset.label ?? ''} ${r.value}`.trim());
    }
    const math = this.querySelector<HTMLElement>('[data-math]');
    if (math && st.tex) void renderMath(math, st.tex);
  }
}

if (!customElements.get('effv2-switch')) customElements.define('effv2-switch', Effv2Switch);
