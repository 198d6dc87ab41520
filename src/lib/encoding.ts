/**
 * Which text encoding an exported file uses. Exports from Chinese Excel and WPS are often GBK, some tools
 * write UTF-16 with a byte-order mark, and everything newer writes UTF-8 with or without one.
 *
 * Order of the checks: a byte-order mark decides; then a sample that is mostly NUL bytes on one side is
 * UTF-16 without a mark; then a sample that is valid UTF-8 is UTF-8; anything else is read as GB18030, the
 * superset of GBK and GB2312 that every browser's `TextDecoder` knows.
 *
 * Example: bytes `EF BB BF 61` → `{ encoding: "utf-8", bom: true }`; the GBK bytes of 张三 (`D5 C5 C8 FD`) →
 * `{ encoding: "gb18030", bom: false }`.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** The sample started with a byte-order mark (TextDecoder drops it). */
  bom: boolean;
}

/** Bytes worth looking at: enough for thousands of rows, small enough to read before the worker starts. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  const [a, b, c] = sample;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bom: true };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bom: true };

  // ASCII text in UTF-16 has a NUL in every other byte; real CSV text in UTF-8 or GBK has none.
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) evenZero++;
    if (sample[2 * i + 1] === 0) oddZero++;
  }
  if (pairs > 0 && oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return { encoding: 'utf-16le', bom: false };
  if (pairs > 0 && evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return { encoding: 'utf-16be', bom: false };

  // `stream: true` lets a multi-byte character cut off at the end of the sample pass.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'gb18030', bom: false };
  }
}

/**
 * What the file is, when it is clearly not delimited text at all (a workbook, a zip, a PDF, an image).
 * Pass the sample's `detectEncoding` result when you already have it, so the sample is not decoded twice.
 */
export function binaryKind(sample: Uint8Array, detected: DetectedEncoding = detectEncoding(sample)): 'xlsx' | 'xls' | 'pdf' | 'binary' | null {
  const starts = (...bytes: number[]) => bytes.every((x, i) => sample[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'xlsx';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'xls';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  // NUL or other control bytes (not tab, CR, LF) in what is not UTF-16: not text.
  if (detected.encoding.startsWith('utf-16')) return null;
  let control = 0;
  const n = Math.min(sample.length, 4096);
  for (let i = 0; i < n; i++) {
    const x = sample[i]!;
    if (x < 0x09 || (x > 0x0d && x < 0x20 && x !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.01 ? 'binary' : null;
}
