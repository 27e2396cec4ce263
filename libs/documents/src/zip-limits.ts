/**
 * Opens a .docx or .xlsx inside the import limits: the central directory's entry count and declared
 * sizes are checked before anything is inflated, and each entry is inflated with its declared size
 * as a cap (yauzl's validateEntrySizes), so a header that lies about its size is caught after at
 * most that many bytes. The parsers get a re-packed, uncompressed copy of exactly what was checked,
 * so their own unzip (JSZip) cannot read anything else out of the original.
 */
import JSZip from 'jszip';
import yauzl from 'yauzl';
import { formatBytes, ImportLimitError, ImportLimits } from './import-limits';

function centralDirectory(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** Every file of the archive, inflated; refused with an ImportLimitError when over a limit. */
export async function unzipWithinLimits(
  fileName: string,
  bytes: Buffer,
  limits: ImportLimits,
): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
  if (zip.entryCount > limits.maxEntries) {
    throw new ImportLimitError(
      'maxEntries',
      `${fileName} holds ${zip.entryCount} files; the limit is ${limits.maxEntries}`,
    );
  }
  const entries = await centralDirectory(zip);
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const overLimit = (size: string) =>
    new ImportLimitError(
      'maxUncompressedBytes',
      `${fileName} inflates to ${size}; the limit is ${formatBytes(limits.maxUncompressedBytes)} uncompressed (IMPORT_MAX_UNCOMPRESSED_BYTES)`,
    );
  if (declared > limits.maxUncompressedBytes) throw overLimit(formatBytes(declared));
  const files = new Map<string, Buffer>();
  let inflated = 0;
  for (const entry of entries) {
    if (entry.fileName.endsWith('/')) continue;
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of await zip.openReadStreamPromise(entry)) {
        inflated += (chunk as Buffer).length;
        // Belt and braces: each entry is already capped at its declared size.
        if (inflated > limits.maxUncompressedBytes) throw overLimit(`more than ${formatBytes(inflated)}`);
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      if (/too many bytes in the stream/.test((error as Error).message)) {
        throw new ImportLimitError(
          'maxUncompressedBytes',
          `${fileName}: ${entry.fileName} inflates to more than the ${formatBytes(entry.uncompressedSize)} its header declares; the file is damaged or made to exhaust the server, and was not read`,
        );
      }
      throw error;
    }
    files.set(entry.fileName, Buffer.concat(chunks));
  }
  return files;
}

/** The same files in a ZIP without compression: what the parsers read, with nothing left to inflate. */
export async function storedZip(files: Map<string, Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of files) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

/** unzipWithinLimits, then storedZip: a checked archive for JSZip-based readers (mammoth, ExcelJS). */
export async function checkedArchive(fileName: string, bytes: Buffer, limits: ImportLimits): Promise<Buffer> {
  return storedZip(await unzipWithinLimits(fileName, bytes, limits));
}
