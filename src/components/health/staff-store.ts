/**
 * The health check's memory of "our staff / bot" ticks, so the next file opened in this browser leaves the
 * same people out.
 *
 * Stored: localStorage key `health-check:staff`, JSON `{ "v": 1, "ids": ["wxid_…", "880000…", …] }` — platform
 * IDs only (never names, counts or message text), at most `MAX_IDS`, the latest ticks last (older ones drop
 * off first).
 *
 * Old or corrupt values: anything that is not that shape (bad JSON, another version, non-string IDs) reads as
 * no ticks; it never throws, and it is replaced by the next tick. Non-string and empty entries inside an
 * otherwise good list are skipped. Where the browser refuses storage (private mode), ticks work for this
 * page only.
 */
import { browserStorage } from '../browser';

export const STAFF_KEY = 'health-check:staff';
const MAX_IDS = 500;

export function loadStaff(): Set<string> {
  try {
    const raw = browserStorage()?.getItem(STAFF_KEY);
    if (!raw) return new Set();
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null || (data as { v?: unknown }).v !== 1) return new Set();
    const ids = (data as { ids?: unknown }).ids;
    if (!Array.isArray(ids)) return new Set();
    return new Set(ids.filter((x): x is string => typeof x === 'string' && x !== ''));
  } catch {
    return new Set();
  }
}

export function saveStaff(ids: ReadonlySet<string>): void {
  try {
    const list = [...ids].slice(-MAX_IDS);
    const storage = browserStorage();
    if (list.length === 0) storage?.removeItem(STAFF_KEY);
    else storage?.setItem(STAFF_KEY, JSON.stringify({ v: 1, ids: list }));
  } catch {
    // Storage full or refused: the ticks still apply to this page.
  }
}
