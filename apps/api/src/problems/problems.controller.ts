import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { ACTOR_HEADER } from '../common/actor';
import { BulkProblemsDto, CreateMeasureDto, CreateProblemDto } from './problem.dto';
import { ProblemsService } from './problems.service';

@ApiTags('problems')
@ApiHeader({ name: ACTOR_HEADER, required: true, description: 'id of the acting person' })
@Controller()
export class ProblemsController {
  constructor(private readonly problems: ProblemsService) {}

  @Post('inspections/:id/problems')
  async create(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateProblemDto) {
    const [problem] = await this.problems.createProblems(id, [body]);
    return problem;
  }

  @Post('inspections/:id/problems/bulk')
  createMany(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: BulkProblemsDto) {
    return this.problems.createProblems(id, body.problems);
  }

  @Get('inspections/:id/problems')
  list(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.problems.list(id);
  }

  @Post('problems/:id/measures')
  addMeasure(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateMeasureDto) {
    return this.problems.addMeasure(id, body);
  }
}
