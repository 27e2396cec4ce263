export * from './chinese-numerals';
export * from './document-model';
export * from './notice-parser';
export * from './document-text';
export * from './notice-render';
export * from './notice-docx';
