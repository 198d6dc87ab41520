/** Fills `{name}` placeholders: `fill('共 {n} 项', { n: '3' })` → `共 3 项`; unknown names stay as they are. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
