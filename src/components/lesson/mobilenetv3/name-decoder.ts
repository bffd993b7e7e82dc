/** The element behind NameDecoder.astro: shows the decoded name the build computed for the reader's pick. */
interface Decoded {
  name: string;
  zooId: string;
  modelPage: string;
  parts: { text: string; meaning: string; check: string; ok: boolean }[];
  params: string;
  macs: string;
  timm: string;
}

class NameDecoder extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    if (!form) return;
    const all = JSON.parse(this.dataset.state ?? '[]') as Decoded[];
    form.hidden = false;
    form.addEventListener('change', () => {
      const d = all.find((x) => x.name === (form.elements.namedItem('name') as HTMLSelectElement).value);
      if (!d) return;
      const set = (k: string, t: string): void => {
        const el = this.querySelector(`[data-out="${k}"]`);
        if (el) el.textContent = t;
      };
      set('name', d.name);
      set('params', d.params);
      set('timm', d.timm);
      set('macs', d.macs);
      const link = this.querySelector<HTMLAnchorElement>('[data-out="link"]');
      if (link) {
        link.textContent = d.zooId;
        link.href = `/models/${d.modelPage}/`;
      }
      const body = this.querySelector('[data-out="parts"]');
      if (body) {
        body.replaceChildren(
          ...d.parts.map((p) => {
            const tr = document.createElement('tr');
            const code = document.createElement('code');
            code.textContent = p.text;
            const c0 = document.createElement('td');
            c0.append(code);
            const c1 = document.createElement('td');
            c1.textContent = p.meaning;
            const c2 = document.createElement('td');
            c2.textContent = `${p.ok ? '✓' : '✗'} ${p.check}`;
            tr.append(c0, c1, c2);
            return tr;
          }),
        );
      }
    });
  }
}

customElements.define('name-decoder', NameDecoder);
