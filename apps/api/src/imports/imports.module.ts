import { Module } from '@nestjs/common';
import { ProblemsModule } from '../problems/problems.module';
import { DocumentImportService } from './document-import.service';
import { ImportsController } from './imports.controller';
import { LedgerExportService } from './ledger-export.service';
import { LedgerImportService } from './ledger-import.service';

/** Plans and notices in, the Excel ledger in and out. */
@Module({
  imports: [ProblemsModule],
  controllers: [ImportsController],
  providers: [DocumentImportService, LedgerImportService, LedgerExportService],
})
export class ImportsModule {}
