import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthRepository } from '@rectiflow/persistence';
import { Public } from './common/actor';
import { HealthResponse } from './health.response';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly database: HealthRepository) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: answers once PostgreSQL answers' })
  @ApiOkResponse({ type: HealthResponse })
  async health() {
    await this.database.ping();
    return { status: 'ok' };
  }
}
