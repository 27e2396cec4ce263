import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthRepository } from '../../../libs/persistence/src';
import { Public } from './common/actor';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly database: HealthRepository) {}

  @Get()
  @Public()
  async health() {
    await this.database.ping();
    return { status: 'ok' };
  }
}
