/**
 * <zoo-scatter>: the zoo scatter's details on demand. Hovering or focusing a point shows its line
 * (model, top-1, MACs, params) in a tip beside it, kept inside the plot; the zoo table's family
 * filter (its `zoo-filter` event) dims the other families' points. The plot itself is static SVG.
 */
class ZooScatter extends HTMLElement {
  connectedCallback() {
    const tip = this.querySelector<HTMLElement>('.tip')!;
    const wrap = this.querySelector<HTMLElement>('.plot-wrap')!;
    const show = (e: Event) => {
      const a = (e.target as Element).closest?.('a.pt');
      if (!a) return;
      const box = a.querySelector('circle')!.getBoundingClientRect();
      const outer = wrap.getBoundingClientRect();
      tip.textContent = a.getAttribute('data-describe');
      tip.hidden = false;
      const left = Math.min(box.left - outer.left + wrap.scrollLeft + 10, wrap.scrollWidth - tip.offsetWidth - 4);
      tip.style.left = `${Math.max(0, left)}px`;
      tip.style.top = `${box.top - outer.top - tip.offsetHeight - 6}px`;
      for (const x of this.querySelectorAll('a.pt.active')) x.classList.remove('active');
      a.classList.add('active');
    };
    const hide = () => {
      tip.hidden = true;
      for (const x of this.querySelectorAll('a.pt.active')) x.classList.remove('active');
    };
    this.addEventListener('pointerover', show);
    this.addEventListener('focusin', show);
    this.addEventListener('pointerout', hide);
    this.addEventListener('focusout', hide);
    document.addEventListener('zoo-filter', (e) => {
      const family = (e as CustomEvent<{ family: string }>).detail.family;
      for (const a of this.querySelectorAll<SVGElement>('a.pt')) {
        a.classList.toggle('dim', family !== 'all' && a.getAttribute('data-family') !== family);
      }
    });
  }
}
customElements.define('zoo-scatter', ZooScatter);
