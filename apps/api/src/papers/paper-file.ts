import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download: an ASCII file name for old clients and the Chinese one (RFC 5987) for the rest. */
export function paperFile(
  response: Response,
  bytes: Buffer,
  type: string,
  asciiName: string,
  chineseName: string,
): StreamableFile {
  response.setHeader('Content-Type', type);
  response.setHeader(
    'Content-Disposition',
    `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`,
  );
  return new StreamableFile(bytes);
}
