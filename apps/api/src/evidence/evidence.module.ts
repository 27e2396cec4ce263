import { Module } from '@nestjs/common';
import { MeasuresModule } from '../measures/measures.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceService } from './evidence.service';
import { EvidenceStorage } from './evidence.storage';

/** Evidence files (佐证材料), stored by SHA-256. */
@Module({ imports: [MeasuresModule], controllers: [EvidenceController], providers: [EvidenceService, EvidenceStorage] })
export class EvidenceModule {}
