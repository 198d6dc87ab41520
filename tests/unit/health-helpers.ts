/** Small builders shared by the tests of src/lib/health (not a test file itself). */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { ChatReadError, type ChatReadReason } from '../../src/lib/health/readers/read-error';
import type { ChatExport, ChatRecord, RosterEntry } from '../../src/lib/health/chat';

/** A message at a UTC time written `YYYY-MM-DDTHH:MM` (Z appended). */
export const msg = (member: string, utc: string, group = 'g1', extra: Partial<ChatRecord> = {}): ChatRecord => ({
  member,
  group,
  at: Date.parse(`${utc}:00Z`),
  kind: 'message',
  ...extra,
});

export const rosterOf = (group: string, ...members: string[]): RosterEntry[] => members.map((member) => ({ member, group }));

export const exportOf = (records: ChatRecord[], roster: RosterEntry[] = [], format = 'test'): ChatExport => ({
  format,
  groups: [],
  records,
  roster,
  time: { field: 'at', kind: 'unix' },
});

/** Runs `fn` under each of these machine time zones and returns the results (to check they are equal). */
export function underZones<T>(fn: () => T, zones = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']): T[] {
  const before = process.env.TZ;
  try {
    return zones.map((z) => {
      process.env.TZ = z;
      return fn();
    });
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

/** Random message records: up to 8 members, 3 groups, times within ~200 days of 2026-01-01. */
export const arbRecords = (maxLength = 60) =>
  fc.array(
    fc.record({
      member: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
      group: fc.constantFrom('g1', 'g2', 'g3'),
      at: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 6, 20) }),
      kind: fc.constantFrom<ChatRecord['kind']>('message', 'message', 'message', 'join', 'system'),
    }),
    { maxLength },
  );

export const arbOffset = fc.integer({ min: -720, max: 840 });

/** A file of tests/fixtures/exports/, as text. */
export const exportFixture = (name: string) => readFileSync(new URL(`../fixtures/exports/${name}`, import.meta.url), 'utf8');

/** An instant as an ISO string, for comparing reader times with a hand count. */
export const iso = (ms: number) => new Date(ms).toISOString();

/** The reason a reader refused a file with, or 'no error'. */
export function reasonOf(read: () => unknown): ChatReadReason | 'no error' {
  try {
    read();
  } catch (e) {
    if (e instanceof ChatReadError) return e.reason;
    throw e;
  }
  return 'no error';
}
