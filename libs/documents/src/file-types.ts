/**
 * The files the product accepts, as pure data: the API checks uploads against these lists and the
 * workbench's upload filters offer the same (this file imports nothing, so the browser bundle can).
 */

/** Plans and progress notices (整改方案, 整改进展情况) the import reads. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx'] as const;

/** The Excel ledger (台账) the import reads. */
export const LEDGER_EXTENSIONS = ['.xlsx'] as const;

/** File types offices exchange as evidence (佐证材料), including OFD and WPS formats: extension → accepted content types. */
export const EVIDENCE_TYPES: Record<string, string[]> = {
  pdf: ['application/pdf'],
  ofd: ['application/ofd', 'application/octet-stream'],
  doc: ['application/msword'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  wps: ['application/vnd.ms-works', 'application/kswps', 'application/octet-stream'],
  xls: ['application/vnd.ms-excel'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  et: ['application/kset', 'application/octet-stream'],
  ppt: ['application/vnd.ms-powerpoint'],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  txt: ['text/plain'],
  csv: ['text/csv', 'text/plain'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  png: ['image/png'],
  gif: ['image/gif'],
  webp: ['image/webp'],
  zip: ['application/zip', 'application/x-zip-compressed'],
};
