import { describe, expect, it } from 'vitest';
import { wireThemeToggle } from '~/components/site/theme-toggle.ts';

class FakeButton extends EventTarget {
  readonly attrs = new Map<string, string>();
  setAttribute(name: string, value: string): void {
    this.attrs.set(name, value);
  }
}

/** A page opened in `theme`, with whatever an earlier visit kept; the button wired to it. */
function openPage(theme: 'light' | 'dark', kept: Record<string, string> = {}) {
  const root = { dataset: { theme } as DOMStringMap };
  const store = new Map(Object.entries(kept));
  const system = new EventTarget();
  const events = new EventTarget();
  const announced: unknown[] = [];
  events.addEventListener('depthwise:theme', (e) => announced.push((e as CustomEvent).detail));
  const button = new FakeButton();
  wireThemeToggle(button as unknown as HTMLButtonElement, {
    root,
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
    system: system as unknown as MediaQueryList,
    events,
  });
  return {
    theme: () => root.dataset.theme,
    kept: () => store.get('depthwise-theme'),
    label: () => [button.attrs.get('aria-label'), button.attrs.get('aria-pressed')],
    announced,
    click: () => button.dispatchEvent(new Event('click')),
    systemTurns: (dark: boolean) => system.dispatchEvent(Object.assign(new Event('change'), { matches: dark })),
  };
}

describe('wireThemeToggle', () => {
  it('labels the button for the theme the page opened in', () => {
    expect(openPage('dark').label()).toEqual(['Switch to light theme', 'true']);
    expect(openPage('light').label()).toEqual(['Switch to dark theme', 'false']);
  });

  it('switches the theme on a click, keeps the choice, relabels and announces it', () => {
    const p = openPage('light');
    p.click();
    expect([p.theme(), p.kept(), p.label()]).toEqual(['dark', 'dark', ['Switch to light theme', 'true']]);
    p.click();
    expect([p.theme(), p.kept(), p.label()]).toEqual(['light', 'light', ['Switch to dark theme', 'false']]);
    expect(p.announced).toEqual(['dark', 'light']);
  });

  it('follows the system until the reader chooses, then keeps the choice', () => {
    const p = openPage('light');
    p.systemTurns(true);
    expect([p.theme(), p.label()]).toEqual(['dark', ['Switch to light theme', 'true']]);
    expect(p.kept()).toBeUndefined();
    p.click();
    p.systemTurns(true);
    p.systemTurns(false);
    p.systemTurns(true);
    expect([p.theme(), p.label()]).toEqual(['light', ['Switch to dark theme', 'false']]);
    // The system's switch is announced too (canvases repaint on it); none after the choice.
    expect(p.announced).toEqual(['dark', 'light']);
  });

  it('keeps a choice from an earlier visit when the system changes', () => {
    const p = openPage('dark', { 'depthwise-theme': 'dark' });
    p.systemTurns(false);
    expect(p.theme()).toBe('dark');
  });
});
