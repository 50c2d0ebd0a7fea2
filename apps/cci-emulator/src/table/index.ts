export { toTable, printerFor } from './toTable.ts';
export type { IncludeObject, Table, TableRow, ToTableArgs } from './toTable.ts';
export type { KindPrinter, TableCell, TableColumnDefinition } from './tableTypes.ts';
export { humanDuration, timestampAge } from './humanDuration.ts';
