// @ts-check
// Post-build step that completes Astro's Content-Security-Policy (security.csp) on the built HTML:
//
// 1. Inline `style="…"` attributes (Starlight's icons and sidebar depth, Expressive Code's token colours)
//    cannot be allowed by hash without 'unsafe-hashes'. Each distinct declaration becomes one rule,
//    `[data-sa="<id>"]{…}`, in a single stylesheet under /_astro/, and the attribute becomes `data-sa`.
// 2. Astro hashes the scripts and styles it bundles, but not `is:inline` ones (five in Starlight's
//    components). Every inline <script> and <style> of every page is hashed, those hashes replace Astro's
//    in script-src/style-src (its directives and sources stay), and every page then carries the same policy, which is also appended to dist/_headers so hosts can send it as a header
//    (with frame-ancestors, which a <meta> policy cannot express).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} dir @returns {string[]} */
export function htmlFiles(dir) {
  /** @type {string[]} */
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...htmlFiles(full));
    else if (name.endsWith('.html')) out.push(full);
  }
  return out;
}

/** @param {string} text */
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const decode = (/** @type {string} */ s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Script and style element bodies are left alone: a `style="` inside them is text, not an attribute. */
const RAW = /(<(script|style)\b[^>]*>)([\s\S]*?)(<\/\2>)/gi;
const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/;

/**
 * Moves every inline style attribute of one page into rules; returns the new HTML and the inline
 * script/style bodies it contains (for hashing).
 * @param {string} html
 * @param {Map<string, string>} rules id → declarations, shared by all pages
 */
export function extractInline(html, rules) {
  /** @type {string[]} */ const scripts = [];
  /** @type {string[]} */ const styles = [];
  /** @type {string[]} */ const raw = [];
  const masked = html.replace(RAW, (whole, open, tag, body) => {
    if (tag.toLowerCase() === 'script' && !/\ssrc=/.test(open) && body.trim()) scripts.push(body);
    if (tag.toLowerCase() === 'style') styles.push(body);
    raw.push(whole);
    return `\u0000${raw.length - 1}\u0000`;
  });
  // Only inside a tag: `<name … style="…" …>`. Text in code blocks has its `<` escaped, so never matches.
  const rewritten = masked.replace(/<[a-zA-Z][^<>]*?\sstyle="[^"]*"[^<>]*>/g, (tag) => {
    const m = /\sstyle="([^"]*)"/.exec(tag);
    const decl = decode(m?.[1] ?? '').trim();
    if (!decl) return tag.replace(/\sstyle="[^"]*"/, '');
    const id = createHash('sha256').update(decl).digest('hex').slice(0, 8);
    const seen = rules.get(id);
    if (seen !== undefined && seen !== decl) throw new Error(`style id collision: ${seen} / ${decl}`);
    rules.set(id, decl);
    return tag.replace(/\sstyle="[^"]*"/, ` data-sa="${id}"`);
  });
  return { html: rewritten.replace(/\u0000(\d+)\u0000/g, (_, i) => raw[Number(i)] ?? ''), scripts, styles };
}

/**
 * Astro's policy with the hashes of script-src and style-src replaced by those of the inline scripts and
 * styles actually in the build. Astro also lists its bundled files, which 'self' already allows: dropping
 * them keeps about 1 KB (gzip) off every page.
 * @param {string} policy @param {Set<string>} scriptHashes @param {Set<string>} styleHashes
 */
export function mergePolicy(policy, scriptHashes, styleHashes) {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => d.split(/\s+/));
  /** @param {string} name @param {Set<string>} hashes */
  const set = (name, hashes) => {
    const d = directives.find((x) => x[0] === name);
    const sources = d ? d.slice(1).filter((s) => !/^'sha(256|384|512)-/.test(s)) : ["'self'"];
    const next = [name, ...sources, ...[...hashes].sort()];
    if (d) d.splice(0, d.length, ...next);
    else directives.push(next);
  };
  set('script-src', scriptHashes);
  set('style-src', styleHashes);
  return directives.map((d) => d.join(' ')).join('; ') + ';';
}

/**
 * The whole step on a built site. Returns the policy every page now carries.
 * @param {string} dist
 */
export function completeCsp(dist) {
  const files = htmlFiles(dist);
  /** @type {Map<string, string>} */ const rules = new Map();
  /** @type {Set<string>} */ const scriptHashes = new Set();
  /** @type {Set<string>} */ const styleHashes = new Set();
  const pages = files.map((file) => {
    const out = extractInline(readFileSync(file, 'utf8'), rules);
    for (const s of out.scripts) scriptHashes.add(sha256(s));
    for (const s of out.styles) styleHashes.add(sha256(s));
    return { file, html: out.html };
  });

  // Sorted, so the same site always produces the same file (and file name).
  const css = [...rules].sort(([a], [b]) => a.localeCompare(b)).map(([id, decl]) => `[data-sa="${id}"]{${decl}}`).join('\n') + '\n';
  const cssName = `/_astro/style-attrs.${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`;
  writeFileSync(join(dist, cssName), css);
  // Expressive Code colours token spans by `span[style^='--']`: they now carry data-sa instead.
  for (const name of readdirSync(join(dist, '_astro')).filter((n) => /^ec\..*\.css$/.test(n))) {
    const file = join(dist, '_astro', name);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll("span[style^='--']", 'span[data-sa]'));
  }

  /** @type {string | undefined} */ let policy;
  for (const { file, html } of pages) {
    const meta = META.exec(html);
    if (!meta) throw new Error(`${file}: no content-security-policy meta (is security.csp on?)`);
    const merged = mergePolicy(decode(meta[1] ?? ''), scriptHashes, styleHashes);
    policy ??= merged;
    if (merged !== policy) throw new Error(`${file}: its policy differs from the other pages'`);
    // A <meta> policy governs only what comes after it, and Starlight's theme script precedes Astro's
    // meta: move it to the top of <head>. The generated sheet comes last, so its rules win ties as the
    // attributes did.
    const tag = `<meta http-equiv="content-security-policy" content="${merged.replace(/"/g, '&quot;')}">`;
    const done = html
      .replace(META, '')
      .replace(/<head>(<meta charset="[^"]*"\/?>)?/, (head) => head + tag)
      .replace('</head>', `<link rel="stylesheet" href="${cssName}"></head>`);
    if (done.indexOf(tag) > done.search(/<script|<style|<link/)) throw new Error(`${file}: the CSP meta is not ahead of every script and style`);
    writeFileSync(file, done);
  }
  if (!policy) throw new Error('no HTML pages in the build');

  // Header form: the same policy plus what only a header can say.
  const headers = join(dist, '_headers');
  const header = `${policy} frame-ancestors 'none';`;
  writeFileSync(headers, readFileSync(headers, 'utf8').replace(/^\/\*\n/m, `/*\n  Content-Security-Policy: ${header}\n`));
  return { policy, header, rules: rules.size, cssName };
}
