/** <name-decoder>: shows the decoded name the build computed for the reader's pick (mbv3-name-decoder-layout.ts). */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import {
  modelHref,
  nameDecoderReadouts,
  partRows,
  type DecodedView,
} from '~/lib/viz/lessons/mbv3-name-decoder-layout.ts';

interface State {
  name: string;
  decoded: DecodedView[];
  [k: string]: unknown;
}

class NameDecoder extends WidgetElement<State> {
  protected redraw(): void {
    const d = this.state.decoded.find((x) => x.name === this.state.name);
    if (!d) return;
    this.querySelector('[data-out="name"]')!.textContent = d.name;
    const link = this.querySelector<HTMLAnchorElement>('[data-out="link"]')!;
    link.textContent = d.zooId;
    link.href = modelHref(d);
    this.querySelector('[data-out="parts"]')!.replaceChildren(
      ...partRows(d).map(([text, meaning, check]) => {
        const tr = document.createElement('tr');
        const code = document.createElement('code');
        code.textContent = text;
        const cells = [code, meaning, check].map((c) => {
          const td = document.createElement('td');
          td.append(c);
          return td;
        });
        tr.append(...cells);
        return tr;
      }),
    );
    this.setReadouts(nameDecoderReadouts(d));
  }
}

if (!customElements.get('name-decoder')) customElements.define('name-decoder', NameDecoder);
