/**
 * <fc-claim-list>: hides the claims the verdict and section filters drop, closes the sections
 * left empty, and updates the counts. The verdicts come built in data-state.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import { claimListReadouts, type ClaimSummary } from '~/lib/viz/lessons/factcheck-list.ts';

type State = { verdict: string; section: string; summary: ClaimSummary[] };

class ClaimListElement extends WidgetElement<State> {
  protected redraw(): void {
    const { verdict, section, summary } = this.state;
    this.setReadouts(claimListReadouts(summary, verdict, section));
    for (const a of this.querySelectorAll<HTMLElement>('article.fc-claim')) {
      a.hidden = !(
        (verdict === 'all' || a.dataset.verdict === verdict) &&
        (section === 'all' || a.dataset.section === section)
      );
    }
    for (const d of this.querySelectorAll<HTMLDetailsElement>('details.fc-section')) {
      const any = d.querySelector('article.fc-claim:not([hidden])') !== null;
      d.hidden = !any;
      // A chosen section opens, so the filter shows what it found.
      if (section !== 'all' && any) d.open = true;
    }
  }
}

customElements.define('fc-claim-list', ClaimListElement);
