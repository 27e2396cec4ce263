import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequestActor } from '../common/actor';
import { InspectionAccess } from '../common/inspection-access';
import { Visibility } from '../common/visibility';
import { BulkProblemsDto, CreateMeasureDto, CreateProblemDto } from './problem.dto';
import { ProblemsService } from './problems.service';

@ApiTags('problems')
@ApiBearerAuth()
@Controller()
export class ProblemsController {
  constructor(
    private readonly problems: ProblemsService,
    private readonly access: InspectionAccess,
    private readonly visibility: Visibility,
  ) {}

  @Post('inspections/:id/problems')
  async create(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateProblemDto, @CurrentActor() actor: RequestActor) {
    await this.access.require(actor, id, ['office']);
    const [problem] = await this.problems.createProblems(id, [body]);
    return problem;
  }

  @Post('inspections/:id/problems/bulk')
  async createMany(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: BulkProblemsDto, @CurrentActor() actor: RequestActor) {
    await this.access.require(actor, id, ['office']);
    return this.problems.createProblems(id, body.problems);
  }

  @Get('inspections/:id/problems')
  async list(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.visibility.requireInspection(actor, id);
    return this.problems.list(id, actor);
  }

  @Post('problems/:id/measures')
  async addMeasure(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateMeasureDto, @CurrentActor() actor: RequestActor) {
    await this.access.require(actor, await this.problems.inspectionOf(id), ['office']);
    return this.problems.addMeasure(id, body);
  }
}
