/**
 * The base class of a widget's custom element. It reads the state the build wrote into data-state
 * (JSON), binds the <Controls> form inside it, and on every change merges the control values into
 * the state and calls redraw(), which re-runs the widget's pure layout function and hands the
 * result to drawScene / setReadouts. Without JavaScript the element never upgrades and the static
 * render stays (the layout hides its controls; parts written `data-js hidden` stay hidden).
 *
 * @example
 * // dots-element.ts, imported from Dots.astro's <script>
 * class DotsElement extends WidgetElement<{ n: number }> {
 *   protected redraw() {
 *     this.drawScene('svg.dots', dotsScene(this.state.n));
 *     this.setReadouts([{ key: 'count', label: 'Dots', value: String(this.state.n) }]);
 *   }
 * }
 * customElements.define('dots-widget', DotsElement);
 */
import type { ControlValues, Readout } from '~/lib/viz/kit/controls.ts';
import type { Scene } from '~/lib/viz/kit/marks.ts';
import { bindControls } from './controls-client.ts';
import { setReadouts } from './readouts-client.ts';
import { renderMarks } from './render-marks.ts';

export abstract class WidgetElement<State extends object = ControlValues> extends HTMLElement {
  protected state!: State;
  protected form: HTMLFormElement | null = null;
  private bound = false;

  connectedCallback(): void {
    // Moving the element in the DOM calls this again: bind once.
    if (this.bound) return;
    this.bound = true;
    this.state = JSON.parse(this.dataset.state ?? '{}') as State;
    // Parts written `data-js hidden` (controls that need this script) show once it runs.
    for (const el of this.querySelectorAll<HTMLElement>('[data-js][hidden]')) el.hidden = false;
    this.form = this.querySelector<HTMLFormElement>('form.kit-controls');
    this.setup();
    if (this.form) bindControls(this.form, (values, changed) => this.controlsChanged(values, changed));
  }

  /** Wire anything beyond the controls (clicks on marks, keyboard); called once, before binding. */
  protected setup(): void {}

  /** Default: the control values are state fields of the same names. Override to validate or derive. */
  protected controlsChanged(values: ControlValues, _changed: string | null): void {
    this.state = { ...this.state, ...values };
    this.redraw();
  }

  /** Re-run the layout for this.state and draw it. */
  protected abstract redraw(): void;

  /**
   * Renders a scene into the <svg> matched by the selector (or given), inside this element; with
   * `duration` (ms) the marks already drawn move to their new geometry (see renderMarks).
   */
  protected drawScene(target: string | SVGSVGElement, scene: Scene, duration = 0): void {
    const svg = typeof target === 'string' ? this.querySelector<SVGSVGElement>(target) : target;
    if (!svg) throw new Error(`<${this.localName}>: no svg matches ${String(target)}`);
    renderMarks(svg, scene, { duration });
  }

  protected setReadouts(items: readonly Readout[]): void {
    setReadouts(this, items);
  }

  /**
   * Shows or clears the widget's problem line (.kit-problem, role=alert) and flags the element
   * data-invalid (its CSS dims the stale figure). Returns true when there is a problem.
   */
  protected showProblem(message: string | null): boolean {
    const alert = this.querySelector<HTMLElement>('.kit-problem');
    this.toggleAttribute('data-invalid', message !== null);
    if (alert) {
      alert.hidden = message === null;
      alert.textContent = message ?? '';
    }
    return message !== null;
  }
}
