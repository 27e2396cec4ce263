import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { verifyChains } from '../../../../libs/persistence/src';
import { AdminOnly } from '../common/actor';
import { ChainReportResponse } from './admin.response';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class AdminController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('audit/verify')
  @AdminOnly()
  @ApiOperation({ summary: 'Re-compute the audit hash chains and name the first altered or removed row of each' })
  @ApiQuery({ name: 'inspectionId', required: false })
  @ApiOkResponse({ type: ChainReportResponse })
  verify(@Query('inspectionId') inspectionId?: string) {
    return verifyChains(this.dataSource, inspectionId && /^[0-9a-f-]{36}$/i.test(inspectionId) ? inspectionId : undefined);
  }
}
