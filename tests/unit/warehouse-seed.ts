/**
 * Seeded activity for the warehouse SQL tests, written to hit every edge the SQL must get right: month ends
 * and a leap day crossed by the UTC+8 offset, duplicate rows, one-event members, tied 90-day counts, staff
 * rows, several groups (and a row with no group), IDs with quotes and mixed case, and events after asOf.
 */
export interface SeedRow {
  member: string;
  group: string | null;
  /** Milliseconds since the epoch (UTC). */
  at: number;
}

export const OFFSET = 480;
export const STAFF = ["host'1", 'bot\\2'];
export const AS_OF = '2024-03-15';

const utc = (iso: string) => Date.parse(`${iso}Z`);

export function seedRows(): SeedRow[] {
  let s = 20240229;
  const rand = () => ((s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
  const groups = ['g1', 'g2', 'G3'];
  const rows: SeedRow[] = [];
  const members = Array.from({ length: 36 }, (_, i) => (i % 7 === 0 ? `M${i}` : i % 5 === 0 ? `d'arcy${i}` : `m${String(i).padStart(2, '0')}`));
  const start = utc('2023-11-20T00:00:00');
  const end = utc('2024-03-20T00:00:00'); // past asOf: those rows must be ignored
  for (const [i, member] of members.entries()) {
    const n = i < 6 ? 1 : Math.floor(rand() * 40) + 2; // six one-event members
    const from = start + Math.floor(rand() * (end - start) * 0.8);
    for (let e = 0; e < n; e++) {
      const at = from + Math.floor(rand() * (end - from));
      rows.push({ member, group: groups[Math.floor(rand() * 3)]!, at: at - (at % 1000) });
    }
  }
  // Month ends and the leap day, on both sides of midnight at UTC+8.
  const edges: [string, string][] = [
    ['m07', '2024-01-31T15:59:59'], // 23:59:59 on 31 Jan in UTC+8
    ['m07', '2024-01-31T16:00:00'], // 00:00 on 1 Feb in UTC+8
    ['m08', '2024-02-28T16:30:00'], // 29 Feb (leap day) in UTC+8
    ['m08', '2024-02-29T15:00:00'], // still 29 Feb
    ['m09', '2023-12-31T16:00:00'], // 1 Jan 2024 in UTC+8
    ['m09', '2024-03-15T15:59:00'], // last minute of asOf
    ['m09', '2024-03-15T16:00:00'], // first minute after asOf: ignored
    ['M0', '2024-02-29T23:00:00'],
  ];
  for (const [member, iso] of edges) rows.push({ member, group: 'g1', at: utc(iso) });
  // Tied counts: two members with exactly the same events in 90 days; one of them also has a duplicate day.
  for (const member of ['tieB', 'tieA', 'Tie']) for (const d of ['2024-03-01', '2024-03-02', '2024-03-03']) rows.push({ member, group: 'g2', at: utc(`${d}T02:00:00`) });
  // At risk: quiet for the last days but active within the 30 before.
  rows.push({ member: 'quiet', group: 'G3', at: utc('2024-03-05T03:00:00') }, { member: 'quiet', group: 'G3', at: utc('2024-02-20T03:00:00') });
  rows.push({ member: 'nogroup', group: null, at: utc('2024-03-10T03:00:00') });
  // Duplicates: exact copies of some rows.
  for (let i = 0; i < rows.length; i += 9) rows.push({ ...rows[i]! });
  // Staff rows: left out by the query.
  for (const member of STAFF) for (let d = 1; d <= 14; d++) rows.push({ member, group: 'g1', at: utc(`2024-03-${String(d).padStart(2, '0')}T04:00:00`) });
  return rows;
}

/** `YYYY-MM-DD HH:MM:SS` of an instant in UTC. */
export const utcText = (at: number) => new Date(at).toISOString().slice(0, 19).replace('T', ' ');
/** The calendar day of an instant at the offset. */
export const localDate = (at: number, offsetMinutes = OFFSET) => new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 10);
