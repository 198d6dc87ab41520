import { describe, expect, it } from 'vitest';
import { extractInline, mergePolicy } from '../../src/integrations/csp.mjs';

describe('CSP post-build step', () => {
  it('turns each inline style attribute into a shared data-sa rule and keeps everything else', () => {
    const rules = new Map<string, string>();
    const html =
      '<ul style="--depth: 0;"><li class="a" style="--depth: 0;">x</li></ul>' +
      '<pre><code>&lt;div style="color:red"&gt;</code></pre>' +
      '<script>const t = `<b style="x:1">`;</script><style>p{color:red}</style><p style="">e</p>';
    const out = extractInline(html, rules);
    expect(rules.size).toBe(1);
    const [id, decl] = [...rules][0]!;
    expect(decl).toBe('--depth: 0;');
    expect(out.html).toBe(
      `<ul data-sa="${id}"><li class="a" data-sa="${id}">x</li></ul>` +
        '<pre><code>&lt;div style="color:red"&gt;</code></pre>' +
        '<script>const t = `<b style="x:1">`;</script><style>p{color:red}</style><p>e</p>',
    );
    expect(out.scripts).toEqual(['const t = `<b style="x:1">`;']);
    expect(out.styles).toEqual(['p{color:red}']);
  });

  it('does not hash external scripts, and decodes entities in declarations', () => {
    const rules = new Map<string, string>();
    const out = extractInline('<script type="module" src="/a.js"></script><i style="font-family:&quot;A&quot;"></i>', rules);
    expect(out.scripts).toEqual([]);
    expect([...rules.values()]).toEqual(['font-family:"A"']);
  });

  it("replaces Astro's hashes by those of the inline content, keeping sources and other directives", () => {
    const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-bundled' 'sha256-a'; style-src 'self' 'sha256-x';";
    expect(mergePolicy(policy, new Set(["'sha256-b'", "'sha256-a'"]), new Set(["'sha256-c'"]))).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'; style-src 'self' 'sha256-c';",
    );
  });
});
