/**
 * An element's clientWidth as of the last layout, kept by a ResizeObserver: the stepper sizes its
 * panels at every step, and reading clientWidth right after the step's writes forced a layout of the
 * whole page each time.
 */
export class ObservedWidth {
  private observer: ResizeObserver | null = null;
  private width = 0;

  /** The width of `el`, observed from the first call on (one element per instance). */
  of(el: HTMLElement): number {
    if (!this.observer) {
      this.width = el.clientWidth;
      this.observer = new ResizeObserver((entries) => {
        for (const e of entries) this.width = (e.target as HTMLElement).clientWidth;
      });
      this.observer.observe(el);
    }
    return this.width;
  }
}
