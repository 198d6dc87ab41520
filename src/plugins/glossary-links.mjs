import { readFileSync } from 'node:fs';
import { defineHastPlugin } from 'satteri';

/**
 * Links the first use of each glossary term on a page to its definition (/reference/glossary/#id, or the
 * /en/ page), with the one-line definition shown on hover and keyboard focus. The tooltip is a sibling of
 * the link named by aria-describedby, so screen readers announce it as the link's description; search
 * ignores it. Headings, links, code, the glossary itself and 404 pages are left alone.
 */
const entries = JSON.parse(readFileSync(new URL('../data/glossary.json', import.meta.url), 'utf8'));

/** Words too common to be worth a link on every page. */
const SKIP = new Set(['社群', 'community', 'communities', 'KPI', 'SOP', 'retention', 'points', 'positioning', 'tags', '来源方案']);

function termsFor(lang) {
  const list = [];
  for (const e of entries) {
    for (const term of [e[lang].term, ...e[lang].aliases]) {
      if (term.length < 2 || SKIP.has(term)) continue;
      list.push({ term, id: e.id, short: e[lang].short });
    }
  }
  // Longest first, so "月流失率" wins over "流失率".
  return list.sort((a, b) => b.term.length - a.term.length);
}
const TERMS = { zh: termsFor('zh'), en: termsFor('en') };
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERN = {
  zh: new RegExp(TERMS.zh.map((t) => escape(t.term)).join('|')),
  // English terms only as whole words.
  en: new RegExp(`\\b(?:${TERMS.en.map((t) => escape(t.term)).join('|')})\\b`, 'i'),
};
const SKIP_INSIDE = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'button', 'label', 'summary', 'kbd']);

export const glossaryLinks = defineHastPlugin({
  name: 'glossary-links',
  before(_root, ctx) {
    ctx.data.glossaryUsed = new Set();
  },
  text(node, ctx) {
    const path = ctx.fileURL ? ctx.fileURL.pathname : '';
    if (!/\/content\/docs\//.test(path) || /\/reference\/glossary\.mdx?$|\/404\.mdx?$/.test(path)) return;
    const lang = /\/content\/docs\/en\//.test(path) ? 'en' : 'zh';
    for (let p = ctx.parent(node); p; p = ctx.parent(p)) {
      if (p.type === 'element' && SKIP_INSIDE.has(p.tagName)) return;
      if (p.type === 'mdxJsxFlowElement' || p.type === 'mdxJsxTextElement') return;
    }
    const used = ctx.data.glossaryUsed;
    const value = node.value;
    const pattern = new RegExp(PATTERN[lang].source, lang === 'en' ? 'gi' : 'g');
    const out = [];
    let last = 0;
    for (const m of value.matchAll(pattern)) {
      const entry = TERMS[lang].find((t) => t.term.toLowerCase() === m[0].toLowerCase());
      if (!entry || used.has(entry.id)) continue;
      used.add(entry.id);
      const tip = `gloss-${entry.id}`;
      if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
      out.push({
        type: 'element',
        tagName: 'span',
        properties: { className: ['gloss'] },
        children: [
          { type: 'element', tagName: 'a', properties: { href: `${lang === 'en' ? '/en' : ''}/reference/glossary/#${entry.id}`, ariaDescribedBy: tip }, children: [{ type: 'text', value: m[0] }] },
          { type: 'element', tagName: 'span', properties: { id: tip, role: 'tooltip', className: ['gloss-tip'], dataPagefindIgnore: '' }, children: [{ type: 'text', value: entry.short }] },
        ],
      });
      last = m.index + m[0].length;
    }
    if (out.length === 0) return;
    if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
    ctx.replaceNode(node, out);
  },
});
