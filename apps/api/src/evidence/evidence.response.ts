import { Res } from '../common/response-fields';

/** An evidence file's record; the bytes are at GET /api/evidence/{id}/content. */
export class EvidenceResponse {
  @Res.id()
  id: string;

  @Res.id()
  measureId: string;

  @Res.text()
  fileName: string;

  @Res.text()
  contentType: string;

  @Res.int()
  sizeBytes: number;

  @Res.text({ description: 'SHA-256 of the bytes, hex' })
  sha256: string;

  @Res.id()
  uploadedById: string;

  @Res.dateTime()
  uploadedAt: string;
}
