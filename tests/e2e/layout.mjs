// Generic layout checks, run on every page at load and after every interaction of every feature spec
// (see interactions.mjs). Each is ONE page.evaluate, so they stay cheap on a 1,000-row model page.
//
// 1. Sideways: the page does not scroll sideways, and no visible element reaches past the viewport
//    unless it sits in a scroll container that shows a cue (the `.scroll-x` shadows of global.css,
//    recognised by a background attached `local`, or a visible `[data-scroll-cue]` element).
//    Content cut off by an `overflow: hidden` box is reported too: it is hidden sideways with no cue.
// 2. Chart labels: in every visible <svg>, no two visible <text> labels' boxes overlap (or touch:
//    "2 4" must not read "24"), and no label reaches outside its SVG's box (clipped by the viewBox).

/** Waits until no d3 transition (d3 keeps them on `node.__transition`) nor CSS animation is running. */
export async function settle(page, timeout = 3000) {
  await page
    .waitForFunction(
      () => {
        for (const el of document.querySelectorAll('svg *, [style*="transition"]')) if (el.__transition) return false;
        return document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
      },
      null,
      { timeout, polling: 50 },
    )
    .catch(() => {});
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Layout problems of the page as it is now, as readable strings. `sideways` turns on check 1 (run
 * it at 360 px), `labels` check 2.
 */
export async function layoutProblems(page, { sideways = true, labels = true } = {}) {
  return page.evaluate(
    ({ sideways, labels }) => {
      const out = [];
      const describe = (el) => {
        const parts = [];
        for (let e = el, i = 0; e && e !== document.body && i < 3; e = e.parentElement, i++) {
          let s = e.tagName.toLowerCase();
          if (e.id) s += `#${e.id}`;
          const cls =
            typeof e.className === 'string' ? e.className.trim().split(/\s+/).filter(Boolean).slice(0, 2) : [];
          if (cls.length) s += `.${cls.join('.')}`;
          for (const a of ['data-dbg', 'data-out', 'data-question', 'data-key', 'data-id'])
            if (e.getAttribute?.(a)) s += `[${a}="${e.getAttribute(a)}"]`;
          parts.unshift(s);
        }
        return parts.join(' > ');
      };
      const visible = (el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      const vw = document.documentElement.clientWidth;

      if (sideways) {
        const over = document.documentElement.scrollWidth - vw;
        if (over > 1) out.push(`page scrolls sideways by ${over}px at ${vw}px`);
        const hasCue = (box) => {
          const cs = getComputedStyle(box);
          if (/local/.test(cs.backgroundAttachment) && /gradient/.test(cs.backgroundImage)) return true;
          const near = [box, box.parentElement].filter(Boolean);
          return near.some((n) =>
            [...n.querySelectorAll('[data-scroll-cue]')].some((c) => visible(c) && c.getBoundingClientRect().width > 0),
          );
        };
        const reported = new Set();
        for (const el of document.body.querySelectorAll('*')) {
          if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue; // an SVG is judged as one box
          const r = el.getBoundingClientRect();
          if (r.width <= 1 || r.height <= 1) continue;
          if (r.right <= vw + 1 && r.left >= -1) continue;
          if (r.right <= 0) continue; // parked off-screen on purpose (skip link)
          if ([...reported].some((p) => p.contains(el))) continue;
          if (!visible(el)) continue;
          let clip = null;
          for (
            let a = el.parentElement;
            a && a !== document.body && a !== document.documentElement;
            a = a.parentElement
          ) {
            if (getComputedStyle(a).overflowX !== 'visible') {
              clip = a;
              break;
            }
          }
          if (clip) {
            const cs = getComputedStyle(clip);
            const cr = clip.getBoundingClientRect();
            if (cr.right > vw + 1 || cr.left < -1) continue; // the clipping box itself is reported
            if (cs.position === 'absolute' && cr.width <= 1) continue; // visually hidden
            if (clip.scrollWidth <= clip.clientWidth + 1) continue;
            if (reported.has(clip)) continue;
            reported.add(clip);
            if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') {
              if (!hasCue(clip))
                out.push(
                  `${describe(clip)} scrolls sideways (${clip.scrollWidth}px in ${clip.clientWidth}px) with no visible cue`,
                );
            } else {
              out.push(
                `${describe(clip)} hides ${clip.scrollWidth - clip.clientWidth}px of its content sideways (overflow ${cs.overflowX})`,
              );
            }
          } else {
            reported.add(el);
            out.push(
              `${describe(el)} is ${Math.round(r.width)}px wide, reaching ${Math.round(Math.max(r.right - vw, -r.left))}px past the ${vw}px viewport`,
            );
          }
        }
      }

      if (labels) {
        let svgIndex = 0;
        for (const svg of document.querySelectorAll('svg')) {
          if (svg.parentElement?.closest('svg')) continue;
          svgIndex++;
          const sr = svg.getBoundingClientRect();
          if (sr.width < 2 || sr.height < 2 || !visible(svg)) continue;
          const texts = [...svg.querySelectorAll('text')]
            .filter((t) => t.textContent.trim() !== '' && !t.closest('defs, symbol, clipPath, mask') && visible(t))
            .map((t) => ({ t, r: t.getBoundingClientRect(), s: t.textContent.trim() }))
            .filter((x) => x.r.width > 0 && x.r.height > 0);
          const aria = svg.getAttribute('aria-label');
          const name = aria ? `svg "${aria.split(/[:.(]/)[0].slice(0, 50)}"` : `${describe(svg)} (svg ${svgIndex})`;
          const bad = [];
          for (const { r, s } of texts) {
            // Glyph boxes include the font's line gap: allow 2px before calling a label clipped.
            const tol = 2;
            if (
              r.left < sr.left - tol ||
              r.right > sr.right + tol ||
              r.top < sr.top - tol - 0.25 * r.height ||
              r.bottom > sr.bottom + tol + 0.25 * r.height
            ) {
              bad.push(`label "${s.slice(0, 30)}" is clipped by the chart's edge`);
            }
          }
          for (let i = 0; i < texts.length; i++) {
            for (let j = i + 1; j < texts.length; j++) {
              const a = texts[i].r;
              const b = texts[j].r;
              const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
              // Vertical overlap beyond the line gap the glyph boxes carry (about a quarter of their height).
              const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) - 0.3 * Math.min(a.height, b.height);
              if (ox > -1 && oy > 0)
                bad.push(`labels "${texts[i].s.slice(0, 24)}" and "${texts[j].s.slice(0, 24)}" overlap`);
            }
          }
          for (const b of bad.slice(0, 4)) out.push(`${name}: ${b}`);
          if (bad.length > 4) out.push(`${name}: ${bad.length - 4} more label problems`);
        }
      }
      return out;
    },
    { sideways, labels },
  );
}
