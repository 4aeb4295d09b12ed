export * from './ledger.data';
export * from './ledger.file';
export * from './ledger.workbook';
