export * from './chinese-numerals';
export * from './document-model';
export * from './notice-parser';
