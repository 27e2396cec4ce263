import { Injectable } from '@nestjs/common';
import { renderTaskListsDocx, TaskListsContent } from '@rectiflow/documents';
import { INSPECTION_KIND_LABELS } from '@rectiflow/domain';
import { InspectionRepository } from '@rectiflow/persistence';
import { DomainError, ErrorCode } from '../common/domain-error';
import { LivePapersService } from './live-papers.service';

/** 三张清单 (问题清单, 任务清单, 责任清单) from live data, as one Word document with three tables. */
@Injectable()
export class TaskListsService {
  constructor(
    private readonly inspections: InspectionRepository,
    private readonly live: LivePapersService,
  ) {}

  async content(inspectionId: string): Promise<TaskListsContent> {
    const inspection = await this.inspections.byId(inspectionId);
    if (!inspection) throw new DomainError(ErrorCode.NotFound, `no inspection with id ${inspectionId}`);
    const kind = INSPECTION_KIND_LABELS[inspection.kind];
    return { title: `${inspection.inspectedUnit}${kind}整改“三张清单”`, ...(await this.live.lists(inspectionId)) };
  }

  async docx(inspectionId: string): Promise<Buffer> {
    return renderTaskListsDocx(await this.content(inspectionId));
  }
}
