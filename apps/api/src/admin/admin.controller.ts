import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditEventRepository } from '../../../../libs/persistence/src';
import { AdminOnly } from '../common/actor';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class AdminController {
  constructor(private readonly auditEvents: AuditEventRepository) {}

  @Get('audit/verify')
  @AdminOnly()
  @ApiOperation({ summary: 'Re-compute the audit hash chains and name the first altered or removed row of each' })
  @ApiQuery({ name: 'inspectionId', required: false })
  verify(@Query('inspectionId') inspectionId?: string) {
    return this.auditEvents.verifyChains(inspectionId && /^[0-9a-f-]{36}$/i.test(inspectionId) ? inspectionId : undefined);
  }
}
