/**
 * Where the activity lives in a warehouse and how to read it: the mapping `warehouseSql` turns into SQL.
 * Each option is documented here once; `parseMapping({...})` fills the defaults and refuses what cannot be
 * written safely (control characters in a name or an ID, an offset off the world's clocks).
 */
import * as z from 'zod/mini';
import { isoDate } from '../dates';
import { SOURCE_DEFAULTS } from '../defaults';
import { validate } from '../validate';

export const DIALECTS = ['duckdb', 'postgres', 'clickhouse', 'doris', 'hive', 'maxcompute', 'bigquery'] as const;
export type Dialect = (typeof DIALECTS)[number];

/** How the time column is stored. */
export const TIME_TYPES = ['timestamp', 'unix_s', 'unix_ms', 'text'] as const;
export type TimeType = (typeof TIME_TYPES)[number];

// Names and IDs go into SQL quoted and escaped; control characters are refused rather than escaped, since
// engines disagree on how (or whether) they can appear inside a quoted name or a string literal.
// eslint-disable-next-line no-control-regex
const printable = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);
const name = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(128), z.refine(printable, { error: 'invalid_value' }));

export const mappingSchema = z.object({
  /** SQL engine the query is written for. */
  dialect: z._default(z.enum(DIALECTS), 'duckdb'),
  /** Table holding one row per event, as `table`, `schema.table` or `project.dataset.table` (each part is quoted). */
  table: name(),
  /** Column with the member's ID (any type; compared as text). Rows with no or a blank ID are left out. */
  member: name(),
  /** Column with the event's time. Rows with no time are left out. */
  time: name(),
  /**
   * How `time` is stored: `timestamp` (TIMESTAMP/DATETIME read as UTC), `unix_s` or `unix_ms` (seconds or
   * milliseconds since 1970-01-01 UTC), `text` (starting `YYYY-MM-DD`, optionally ` HH:MM:SS` or `THH:MM:SS`, read as UTC;
   * a date without a time is a calendar day and is never shifted).
   */
  timeType: z._default(z.enum(TIME_TYPES), 'timestamp'),
  /** Minutes east of UTC of the community's clock, which decides the calendar day of an event (480 = UTC+8). Set 0 when the times are already local. */
  offsetMinutes: z._default(z.number().check(z.refine(Number.isInteger, { error: 'not_integer' }), z.minimum(-720), z.maximum(840)), 480),
  /** Last day of the analysis, YYYY-MM-DD; events after it are ignored. Default: the latest event's day. */
  asOf: z.optional(isoDate()),
  /** Days without any event that put a recently active member at risk (as in the health check). */
  inactiveDays: z._default(z.number().check(z.refine(Number.isInteger, { error: 'not_integer' }), z.minimum(1), z.maximum(365)), SOURCE_DEFAULTS.inactiveDays.value),
  /** Member IDs of the team (hosts, bots, the exporting account) whose events are left out. */
  staff: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(256), z.refine(printable, { error: 'invalid_value' }))).check(z.maxLength(1000)), []),
  /** Optional column with the group / channel: every figure is also given per group. */
  group: z.optional(name()),
});

export type MappingInput = z.input<typeof mappingSchema>;
export type Mapping = z.output<typeof mappingSchema>;

/** The mapping with its defaults, or an `InputError` naming every bad field. */
export const parseMapping = (input: MappingInput): Mapping => validate(mappingSchema, input);
