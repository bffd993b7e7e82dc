/**
 * <model-explorer>: on a model page, links the architecture diagram and the layer table both ways:
 * hovering or focusing an op, a block or a column highlights its rows, hovering a row highlights its
 * op, block and column, and selecting either opens and scrolls to the other; also builds the
 * table's CSV/JSON download from the layer data the build embedded.
 */
import { layersCsv, layersJson, type ExportRow } from '~/lib/viz/models/layer-export.ts';
import type { LayerTotals } from '~/lib/viz/models/layer-table.ts';
import { saveFile } from '~/components/kit/save-file.ts';

interface LayersData {
  model: string;
  totals: LayerTotals;
  rows: ExportRow[];
}

const css = (s: string) => CSS.escape(s);

/**
 * Scrolls a selected row into view with its table's header: when the row is within a screen of
 * the header, the section's top (summary and header) goes to the top of the view; only a row
 * further down is centred on its own.
 */
function revealRow(row: Element) {
  const head = row.closest('table')?.querySelector('thead');
  const section = row.closest('details');
  if (
    head &&
    section &&
    row.getBoundingClientRect().bottom - head.getBoundingClientRect().top < window.innerHeight * 0.8
  ) {
    section.scrollIntoView({ block: 'start' });
  } else {
    row.scrollIntoView({ block: 'center' });
  }
}

class ModelExplorer extends HTMLElement {
  private lit: Element[] = [];

  connectedCallback() {
    this.addEventListener('pointerover', (e) => this.hover(e.target));
    this.addEventListener('focusin', (e) => this.hover(e.target));
    this.addEventListener('pointerout', () => this.clear());
    this.addEventListener('focusout', () => this.clear());
    this.addEventListener('click', (e) => this.onClick(e));
    this.addEventListener('keydown', (e) => {
      const col = (e.target as Element).closest?.('.col');
      if (col && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        this.selectColumn(col.getAttribute('data-section')!);
      }
    });
  }

  private rows(selector: string): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>(`tr${selector}`)];
  }

  private light(els: Element[]) {
    this.clear();
    for (const el of els) el.classList.add('hl');
    this.lit = els;
  }

  private clear() {
    for (const el of this.lit) el.classList.remove('hl');
    this.lit = [];
  }

  private hover(target: EventTarget | null) {
    const el = target as Element | null;
    if (!el?.closest) return;
    const op = el.closest('.op');
    if (op) return this.light([op, ...this.rows(`[data-op="${css(op.getAttribute('data-op')!)}"]`)]);
    const block = el.closest('.block > summary')?.parentElement;
    if (block) return this.light([block, ...this.rows(`[data-block="${css(block.getAttribute('data-block')!)}"]`)]);
    const col = el.closest('.col');
    if (col) return this.light([col, ...this.rows(`[data-section="${col.getAttribute('data-section')}"]`)]);
    const tr = el.closest('tr[data-row]');
    if (tr) return this.light([tr, ...this.diagramOf(tr)]);
  }

  /** The op button, block and column of a table row. */
  private diagramOf(tr: Element): Element[] {
    const out: Element[] = [];
    const op = this.querySelector(`.op[data-op="${css(tr.getAttribute('data-op')!)}"]`);
    const block = this.querySelector(`.block[data-block="${css(tr.getAttribute('data-block')!)}"]`);
    const col = this.querySelector(`.col[data-section="${tr.getAttribute('data-section')}"]`);
    for (const x of [op, block, col]) if (x) out.push(x);
    return out;
  }

  private onClick(e: Event) {
    const el = e.target as Element;
    const exp = el.closest('[data-export]');
    if (exp) return this.download(exp.getAttribute('data-export') as 'csv' | 'json');
    const op = el.closest('.op');
    if (op) return this.selectOp(op.getAttribute('data-op')!, 'table');
    const col = el.closest('.col');
    if (col) return this.selectColumn(col.getAttribute('data-section')!);
    const tr = el.closest('tr[data-row]');
    if (tr) return this.selectOp(tr.getAttribute('data-op')!, 'diagram', tr);
  }

  private selectColumn(section: string) {
    for (const c of this.querySelectorAll('.col'))
      c.classList.toggle('selected', c.getAttribute('data-section') === section);
    const panel = this.querySelector<HTMLDetailsElement>(`.panel[data-section="${section}"]`);
    if (!panel) return;
    panel.open = true;
    panel.scrollIntoView({ block: 'nearest' });
  }

  /** Selects an op: marks its button and rows, and reveals the other side. */
  private selectOp(opId: string, reveal: 'table' | 'diagram', fromRow?: Element) {
    for (const b of this.querySelectorAll('.op[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
    for (const r of this.querySelectorAll('tr.selected')) r.classList.remove('selected');
    const button = this.querySelector<HTMLElement>(`.op[data-op="${css(opId)}"]`);
    button?.setAttribute('aria-pressed', 'true');
    const rows = this.rows(`[data-op="${css(opId)}"]`);
    for (const r of rows) r.classList.add('selected');
    if (reveal === 'table') {
      const first = rows[0];
      const sec = first?.closest('details');
      if (sec) (sec as HTMLDetailsElement).open = true;
      if (first) revealRow(first);
    } else if (button) {
      const panel = button.closest<HTMLDetailsElement>('.panel');
      const block = button.closest<HTMLDetailsElement>('.block');
      if (panel) panel.open = true;
      if (block) block.open = true;
      for (const c of this.querySelectorAll('.col'))
        c.classList.toggle('selected', c.getAttribute('data-section') === fromRow?.getAttribute('data-section'));
      button.scrollIntoView({ block: 'center' });
    }
  }

  private download(kind: 'csv' | 'json') {
    const script = this.querySelector('script.layers-data');
    if (!script?.textContent) return;
    const data = JSON.parse(script.textContent) as LayersData;
    const text = kind === 'csv' ? layersCsv(data.rows) : layersJson(data.model, data.rows, data.totals);
    saveFile(`${data.model}-layers.${kind}`, kind === 'csv' ? 'text/csv' : 'application/json', text);
  }
}

customElements.define('model-explorer', ModelExplorer);
