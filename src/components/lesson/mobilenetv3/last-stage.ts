/** The element behind LastStage.astro: swaps the scene and the read-outs the build computed for each variant. */
import type { Scene } from '~/lib/viz/kit/marks.ts';
import { renderMarks } from '../../kit/render-marks.ts';

interface Variant {
  variant: 'original' | 'efficient';
  scene: Scene;
  out: Record<string, string>;
}

class LastStage extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    if (!form) return;
    const variants = JSON.parse(this.dataset.state ?? '[]') as Variant[];
    form.hidden = false;
    const update = (): void => {
      const name = (form.elements.namedItem('variant') as HTMLSelectElement).value;
      const v = variants.find((x) => x.variant === name);
      if (!v) return;
      for (const [k, text] of Object.entries(v.out)) {
        const el = this.querySelector(`[data-out="${k}"]`);
        if (el) el.textContent = text;
      }
      const title = this.querySelector('[data-out="title"]');
      if (title)
        title.textContent = `${name === 'original' ? 'Original' : 'Efficient'} last stage, from the 7×7×160 output of the last bneck block:`;
      const svg = this.querySelector<SVGSVGElement>('svg[data-scene="stage"]');
      if (svg) renderMarks(svg, v.scene);
    };
    form.addEventListener('change', update);
  }
}

customElements.define('last-stage', LastStage);
