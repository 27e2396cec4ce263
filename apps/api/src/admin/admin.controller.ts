import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditEventRepository } from '@rectiflow/persistence';
import { AdminOnly } from '../common/actor';
import { ChainReportResponse } from './admin.response';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class AdminController {
  constructor(private readonly auditEvents: AuditEventRepository) {}

  @Get('audit/verify')
  @AdminOnly()
  @ApiOperation({ summary: 'Re-compute the audit hash chains and name the first altered or removed row of each' })
  @ApiQuery({ name: 'inspectionId', required: false })
  @ApiOkResponse({ type: ChainReportResponse })
  verify(@Query('inspectionId') inspectionId?: string) {
    return this.auditEvents.verifyChains(
      inspectionId && /^[0-9a-f-]{36}$/i.test(inspectionId) ? inspectionId : undefined,
    );
  }
}
