import { Module } from '@nestjs/common';
import { MeasuresModule } from '../measures/measures.module';
import { ProblemsModule } from '../problems/problems.module';
import { DocumentImportService } from './document-import.service';
import { DocumentOwnersService } from './document-owners.service';
import { ImportsController } from './imports.controller';
import { LedgerExportService } from './ledger-export.service';
import { LedgerChangesService } from './ledger-changes.service';
import { LedgerImportService } from './ledger-import.service';
import { NewNamesService } from './new-names.service';
import { OwnerDirectory } from './owner-directory.service';

/** Plans and notices in, the Excel ledger in and out. */
@Module({
  imports: [ProblemsModule, MeasuresModule],
  controllers: [ImportsController],
  providers: [
    DocumentImportService,
    DocumentOwnersService,
    LedgerImportService,
    LedgerChangesService,
    LedgerExportService,
    NewNamesService,
    OwnerDirectory,
  ],
})
export class ImportsModule {}
