import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ApiConfig } from '@rectiflow/platform';
import { CurrentActor, Public, RequestActor } from '../common/actor';
import { Visibility } from '../common/visibility';
import { API_CONFIG } from '../temporal/temporal-client.service';
import { WorkbenchService } from './workbench.service';
import { ApiErrors } from '../common/api-errors';
import { ClientConfigResponse, DashboardResponse, MyWorkResponse } from './workbench.response';

@ApiTags('workbench')
@Controller()
export class WorkbenchController {
  constructor(
    private readonly workbench: WorkbenchService,
    private readonly visibility: Visibility,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get('my-work')
  @ApiBearerAuth()
  @ApiOperation({ summary: '我的待办: the measures waiting for this person, grouped by action, most urgent first' })
  @ApiQuery({ name: 'inspectionId', required: false })
  @ApiOkResponse({ type: MyWorkResponse })
  myWork(@CurrentActor() actor: RequestActor, @Query('inspectionId') inspectionId?: string) {
    return this.workbench.myWork(
      actor,
      inspectionId && /^[0-9a-f-]{36}$/i.test(inspectionId) ? inspectionId : undefined,
    );
  }

  @Get('inspections/:id/dashboard')
  @ApiBearerAuth()
  @ApiOperation({
    summary: '统计: totals, completion by section and department, overdue list, closures over time, escalations',
  })
  @ApiOkResponse({ type: DashboardResponse })
  @ApiErrors(400, 404)
  async dashboard(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.visibility.requireInspection(actor, id);
    return this.workbench.dashboard(id, actor);
  }

  @Get('client-config')
  @Public()
  @ApiOperation({ summary: 'What the web workbench needs before sign-in (upload limit, Temporal UI link)' })
  @ApiOkResponse({ type: ClientConfigResponse })
  clientConfig() {
    return { evidenceMaxBytes: this.config.evidenceMaxBytes, temporalUiUrl: this.config.temporalUiUrl };
  }
}
