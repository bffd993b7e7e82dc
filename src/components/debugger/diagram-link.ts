/**
 * Behaviour of the debugger's architecture diagram (DebuggerDiagram.astro): marks the op, block,
 * section panel and column that hold the current node, opening the section so the op is visible
 * and scrolling it into view inside the diagram's own boxes (never the page); a column opens its
 * section. Jumps are the host's business: it listens for clicks on [data-dd-step].
 */
const css = (s: string): string => CSS.escape(s);

export class DiagramLink {
  private readonly nodeOp: readonly string[];
  private marked: Element[] = [];
  /** The section panel this class opened (closed again when the current node leaves it). */
  private opened: HTMLDetailsElement | null = null;
  /** What the next frame scrolls into view (the latest op wins when steps come faster than frames). */
  private toReveal: { op: HTMLElement; col: Element | null } | null = null;

  constructor(readonly root: HTMLElement) {
    this.nodeOp = JSON.parse(root.dataset.nodeOp ?? '[]') as string[];
    root.addEventListener('click', (e) => {
      const col = (e.target as Element).closest?.('.dd-col');
      if (col) this.openSection(col.getAttribute('data-section')!);
    });
    root.addEventListener('keydown', (e) => {
      const col = (e.target as Element).closest?.('.dd-col');
      if (col && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        e.stopPropagation();
        this.openSection(col.getAttribute('data-section')!);
      }
    });
  }

  /** Enables or disables the jump buttons. */
  enable(on: boolean): void {
    this.root
      .querySelectorAll<HTMLButtonElement>('button[data-dd-step]')
      .forEach((b) => (b.disabled = !on || b.dataset.ddStep === undefined));
  }

  /** The op id shown as current, or '' (for tests and the host). */
  get current(): string {
    return this.root.dataset.currentOp ?? '';
  }

  /** Marks the diagram element holding graph node `step` (none for step < 0). */
  show(step: number): void {
    const opId = step >= 0 ? this.nodeOp[step] : undefined;
    if (opId !== undefined && opId === this.current) return;
    for (const el of this.marked) {
      el.classList.remove('dd-current');
      el.removeAttribute('aria-current');
    }
    this.marked = [];
    this.root.dataset.currentOp = opId ?? '';
    if (opId === undefined) return;
    const op = this.root.querySelector<HTMLElement>(`.dd-op[data-op="${css(opId)}"]`);
    if (!op) return;
    op.setAttribute('aria-current', 'step');
    const block = op.closest('.dd-block');
    const panel = op.closest<HTMLDetailsElement>('.dd-panel');
    const col = panel ? this.root.querySelector(`.dd-col[data-section="${panel.dataset.section}"]`) : null;
    this.marked = [op, ...[block, panel, col].filter((x): x is Element => x !== null)];
    for (const el of this.marked.slice(1)) el.classList.add('dd-current');
    if (panel && !panel.open) {
      if (this.opened && this.opened !== panel) this.opened.open = false;
      panel.open = true;
      this.opened = panel;
    } else if (panel && this.opened && this.opened !== panel) {
      this.opened.open = false;
      this.opened = null;
    }
    this.queueReveal(op, col);
  }

  /**
   * Scrolls in the next animation frame, after the step's other writes: reading the op's box here,
   * right after marking it, forced a layout of the whole page on every step.
   */
  private queueReveal(op: HTMLElement, col: Element | null): void {
    const queued = this.toReveal !== null;
    this.toReveal = { op, col };
    if (queued) return;
    requestAnimationFrame(() => {
      const r = this.toReveal;
      this.toReveal = null;
      if (r && r.op.isConnected) this.reveal(r.op, r.col);
    });
  }

  private openSection(section: string): void {
    const panel = this.root.querySelector<HTMLDetailsElement>(`.dd-panel[data-section="${css(section)}"]`);
    if (!panel) return;
    panel.open = true;
    // The reader opened it: it stays open when the current node moves on.
    if (this.opened === panel) this.opened = null;
    this.scrollWithin(panel.querySelector('summary') ?? panel, 0);
  }

  /** Scrolls the op into the panels box and its column into the strip, without moving the page. */
  private reveal(op: HTMLElement, col: Element | null): void {
    this.scrollWithin(op, 1 / 3);
    const strip = this.root.querySelector<HTMLElement>('.dd-strip');
    if (col && strip && strip.scrollWidth > strip.clientWidth) {
      const r = col.getBoundingClientRect();
      const s = strip.getBoundingClientRect();
      const left = r.left - s.left + strip.scrollLeft;
      if (left < strip.scrollLeft || left + r.width > strip.scrollLeft + strip.clientWidth)
        strip.scrollLeft = Math.max(0, left - (strip.clientWidth - r.width) / 2);
    }
  }

  private scrollWithin(el: Element, at: number): void {
    const box = this.root.querySelector<HTMLElement>('.dd-panels');
    if (!box) return;
    const r = el.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const top = r.top - b.top + box.scrollTop;
    if (top < box.scrollTop || top + r.height > box.scrollTop + box.clientHeight)
      box.scrollTop = Math.max(0, top - box.clientHeight * at);
  }
}
