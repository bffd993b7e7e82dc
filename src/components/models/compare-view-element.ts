/**
 * <compare-view>: the compare page in the browser. Renders the pair the link names (?a=…&b=…) or
 * the pickers choose from the stage summaries the build embedded, with the same compareTableHtml
 * the build used for the default pair, and keeps the pair in the URL so it can be shared. Lives
 * here rather than beside the page because a .ts file under src/pages would be built as a route.
 */
import { compareTableHtml } from '~/lib/viz/models/compare-view.ts';
import type { ModelSummary } from '~/lib/viz/models/compare-stages.ts';

class CompareView extends HTMLElement {
  connectedCallback() {
    const data = JSON.parse(this.querySelector('script.cmp-data')!.textContent!) as ModelSummary[];
    const byId = new Map(data.map((m) => [m.id, m]));
    const form = document.querySelector<HTMLFormElement>('form.cmp-picker')!;
    const [selA, selB] = [form.elements.namedItem('a'), form.elements.namedItem('b')] as HTMLSelectElement[];
    const render = (a: string, b: string) => {
      const ma = byId.get(a);
      const mb = byId.get(b);
      if (!ma || !mb) return false;
      this.querySelector('.cmp-title')!.textContent = `${a} vs ${b}`;
      this.querySelector('.cmp-body')!.innerHTML = compareTableHtml(ma, mb);
      selA.value = a;
      selB.value = b;
      return true;
    };
    const params = new URLSearchParams(location.search);
    const a = params.get('a');
    const b = params.get('b');
    if (a && b && !render(a, b)) {
      this.querySelector('.cmp-title')!.textContent =
        `Unknown model in the link (${byId.has(a) ? b : a}); showing the default pair.`;
    }
    const update = () => {
      if (render(selA.value, selB.value))
        history.replaceState(null, '', `?a=${encodeURIComponent(selA.value)}&b=${encodeURIComponent(selB.value)}`);
    };
    selA.addEventListener('change', update);
    selB.addEventListener('change', update);
  }
}
customElements.define('compare-view', CompareView);
