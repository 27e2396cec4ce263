/**
 * The thread that reads one uploaded document or ledger (see upload-reader.ts): the parsing is the
 * pure code of libs/documents; this only runs it and posts the result or the error back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseDocument } from '@rectiflow/documents/parse-document';
import { workbookRows } from '@rectiflow/documents/xlsx-rows';
import type { UploadJob, UploadReply } from './upload-reader';

async function read(job: UploadJob): Promise<UploadReply> {
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  if (job.kind === 'workbook')
    return { ok: true, kind: 'workbook', sheets: await workbookRows(job.fileName, bytes, job.limits) };
  // A plan or notice as text, or a Word task-list table.
  return { ok: true, kind: 'document', parsed: await parseDocument(job.fileName, bytes, job.limits) };
}

read(workerData as UploadJob).then(
  (reply) => parentPort!.postMessage(reply),
  (error: Error & { limit?: string }) =>
    parentPort!.postMessage({
      ok: false,
      error: { name: error.name ?? 'Error', message: error.message, limit: error.limit },
    } satisfies UploadReply),
);
