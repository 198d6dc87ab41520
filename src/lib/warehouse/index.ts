/** The health check as SQL for a warehouse, and its summary read back (issue #20, part 2). */
export { DIALECTS, TIME_TYPES, mappingSchema, parseMapping, type Dialect, type Mapping, type MappingInput, type TimeType } from './mapping';
export { DIALECT_SQL } from './dialects';
export { SUMMARY_COLUMNS, SUMMARY_METRICS, isSummaryHead } from './columns';
export { warehouseSql } from './sql';
export { parseSummary, summaryRows, type ScopeReport, type SummaryRow, type WarehouseReport } from './summary';
export { readSummary, summaryHealth, summaryRefusal, summaryView, utcLabel, type SummaryGroup, type SummaryHealth, type SummaryRefusalReason, type SummaryView } from './to-health';
