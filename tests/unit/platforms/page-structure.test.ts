// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pageStructureReport } from '@/utils/platforms/page-structure';
import { fixtureDocument } from './fixture-document';

describe('the structure-only report of a call page', () => {
  it('lists tags, roles, data-attribute names and class names of a real fixture', () => {
    const report = pageStructureReport(fixtureDocument('captions/meet-2025.html').body);
    expect(report).toContain('div.vNKgIf.UDinHf [role=region]');
    expect(report).toContain('div.tile {data-participant-id,data-self-name}');
    expect(report).toContain('span.NWpY1d');
  });

  it.each(['captions/meet-2025.html', 'teams/in-call-2026.html', 'meet/in-call.html', 'captions/zoom-2025.html'])(
    'leaks no text, name, title or attribute value from %s',
    (fixture) => {
      const doc = fixtureDocument(fixture);
      const report = pageStructureReport(doc.documentElement);
      const words = new Set<string>();
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        for (const node of Array.from(el.childNodes))
          if (node.nodeType === 3)
            for (const w of (node.textContent ?? '').split(/\W+/)) if (w.length > 3) words.add(w);
        for (const name of el.getAttributeNames()) {
          if (name === 'class' || name === 'role') continue;
          for (const w of (el.getAttribute(name) ?? '').split(/[^\p{L}\p{N}]+/u)) if (w.length > 3) words.add(w);
        }
      }
      // Everything the report holds besides tags, class names, roles and data-* names must be empty.
      const leaked = [...words].filter((w) =>
        new RegExp(`(^|[^\\w-])${w}([^\\w-]|$)`, 'm').test(
          report.replace(/^\s*[a-z0-9-]+|\{[^}]*\}|\.[\w-]+|\[role=[\w-]+\]/gm, ' '),
        ),
      );
      expect(leaked).toEqual([]);
    },
  );

  it('drops a class or role that carries text, and never reads data values', () => {
    const doc = fixtureDocument('meet/in-call.html');
    doc.body.innerHTML =
      '<div class="ok-1 Priya Shah&amp;co" role="Jane Doe" data-self-name="Alex Morgan" aria-label="Alex Morgan">Alex</div>';
    expect(pageStructureReport(doc.body)).toBe('body\n  div.ok-1.Priya {data-self-name}');
  });

  it('stops at its limits and says how much it left out', () => {
    const doc = fixtureDocument('meet/in-call.html');
    doc.body.innerHTML = '<ul>' + '<li></li>'.repeat(10) + '</ul>';
    const report = pageStructureReport(doc.body, { maxElements: 4 });
    expect(report.split('\n')).toHaveLength(5);
    expect(report).toContain('… 8 more elements not listed');
  });
});
