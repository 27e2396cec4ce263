import { Logger, Module } from '@nestjs/common';
import type { ApiConfig } from '@rectiflow/platform';
import { MeasuresModule } from '../measures/measures.module';
import { API_CONFIG } from '../temporal/temporal-client.service';
import { DiskEvidenceStore } from './disk-evidence-store';
import { EvidenceController } from './evidence.controller';
import { EvidenceService } from './evidence.service';
import { EvidenceStore } from './evidence-store';
import { S3EvidenceStore } from './s3-evidence-store';

/** The evidence directory, or the S3 bucket when EVIDENCE_S3_* is configured. */
function evidenceStore(config: ApiConfig): EvidenceStore {
  const store = config.evidenceS3 ? new S3EvidenceStore(config.evidenceS3) : new DiskEvidenceStore(config.evidenceDir);
  new Logger('EvidenceStore').log(`evidence files in ${store.describe()}`);
  return store;
}

/** Evidence files (佐证材料), stored by SHA-256. */
@Module({
  imports: [MeasuresModule],
  controllers: [EvidenceController],
  providers: [EvidenceService, { provide: EvidenceStore, useFactory: evidenceStore, inject: [API_CONFIG] }],
})
export class EvidenceModule {}
