import { Module } from '@nestjs/common';
import { LedgerExportService } from '../imports/ledger-export.service';
import { LivePapersService } from './live-papers.service';
import { PapersController } from './papers.controller';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';
import { SignoffFormService } from './signoff-form.service';
import { SupervisionNoticesService } from './supervision-notices.service';
import { TaskListsService } from './task-lists.service';

/** The formal papers from live data: 整改报告 (versions), 销号审批表, 三张清单, 督办单. */
@Module({
  controllers: [ReportController, PapersController],
  providers: [
    LivePapersService,
    ReportService,
    // The ledger's own workbook, attached to each report version (the service needs only the ledger repository).
    LedgerExportService,
    SignoffFormService,
    TaskListsService,
    SupervisionNoticesService,
  ],
})
export class PapersModule {}
