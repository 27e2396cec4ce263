/**
 * Reads an uploaded document or ledger in a worker thread with a heap limit and a time limit. The
 * archive and text limits are checked by the parser itself; this is the backstop for a file that
 * passes them and still needs gigabytes or minutes: only its thread dies, and the API keeps answering.
 */
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  ImportLimitError,
  ImportLimits,
  ParsedDocument,
  PlainSheet,
  UnsupportedDocumentError,
} from '@rectiflow/documents';
import type { ImportConfig } from '@rectiflow/platform';
import { DomainError, ErrorCode } from '../common/domain-error';

export type UploadJob = { kind: 'document' | 'workbook'; fileName: string; bytes: Uint8Array; limits: ImportLimits };
export type UploadReply =
  | { ok: true; kind: 'document'; parsed: ParsedDocument }
  | { ok: true; kind: 'workbook'; sheets: PlainSheet[] }
  | { ok: false; error: { name: string; message: string; limit?: string } };

/** Threads reading at once: each may use up to workerMemoryMb, so a burst of uploads waits instead. */
const PARALLEL_READS = 2;
let running = 0;
const waiting: (() => void)[] = [];

// Under ts-jest and ts-node this module is a .ts file and so is the thread's; dist/ has both as .js.
const WORKER_FILE = join(__dirname, `upload-reader.worker${extname(__filename)}`);
const WORKER_ARGV = __filename.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only'] : [];

function runThread(job: UploadJob, config: ImportConfig): Promise<UploadReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, {
      workerData: job,
      execArgv: WORKER_ARGV,
      resourceLimits: { maxOldGenerationSizeMb: config.workerMemoryMb },
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new ImportLimitError(
              'timeoutMs',
              `reading ${job.fileName} took longer than ${config.timeoutMs / 1000} s, the limit (IMPORT_TIMEOUT_MS); it was stopped`,
            ),
          ),
        ),
      config.timeoutMs,
    );
    worker.once('message', (reply: UploadReply) => finish(() => resolve(reply)));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ImportLimitError(
                'workerMemoryMb',
                `reading ${job.fileName} needs more than ${config.workerMemoryMb} MB of memory, the limit (IMPORT_WORKER_MEMORY_MB); it was stopped`,
              )
            : error,
        ),
      ),
    );
    worker.once('exit', (code) =>
      finish(() => reject(new Error(`the reader of ${job.fileName} stopped (exit code ${code}) without an answer`))),
    );
  });
}

async function read(job: UploadJob, config: ImportConfig): Promise<UploadReply> {
  if (running >= PARALLEL_READS) await new Promise<void>((wake) => waiting.push(wake));
  running += 1;
  try {
    return await runThread(job, config);
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** The thread's error as the class the caller catches (classes do not cross postMessage). */
function rethrow(error: { name: string; message: string; limit?: string }): never {
  if (error.name === 'ImportLimitError') throw new ImportLimitError(error.limit ?? 'unknown', error.message);
  if (error.name === 'UnsupportedDocumentError') throw new UnsupportedDocumentError(error.message);
  throw new Error(error.message);
}

export async function readDocumentUpload(
  fileName: string,
  bytes: Buffer,
  config: ImportConfig,
): Promise<ParsedDocument> {
  const reply = await read({ kind: 'document', fileName, bytes, limits: config }, config);
  if (!reply.ok) rethrow(reply.error);
  if (reply.kind !== 'document') throw new Error('the reader answered with a workbook');
  return reply.parsed;
}

export async function readWorkbookUpload(fileName: string, bytes: Buffer, config: ImportConfig): Promise<PlainSheet[]> {
  const reply = await read({ kind: 'workbook', fileName, bytes, limits: config }, config);
  if (!reply.ok) rethrow(reply.error);
  if (reply.kind !== 'workbook') throw new Error('the reader answered with a document');
  return reply.sheets;
}

/** A refused or unreadable upload as the API's answer: 413 naming the limit, 415, or 400. */
export function uploadRefusal(fileName: string, error: unknown, what: string): DomainError {
  if (error instanceof ImportLimitError)
    return new DomainError(ErrorCode.PayloadTooLarge, error.message, { limit: error.limit });
  if (error instanceof UnsupportedDocumentError) return new DomainError(ErrorCode.UnsupportedMediaType, error.message);
  return new DomainError(ErrorCode.InvalidInput, `${fileName} could not be read${what}: ${(error as Error).message}`);
}
