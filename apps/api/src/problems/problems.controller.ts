import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequestActor } from '../common/actor';
import { InspectionAccess } from '../common/inspection-access';
import { Visibility } from '../common/visibility';
import { BulkProblemsDto, CreateMeasureDto, CreateProblemDto } from './problem.dto';
import { ProblemsService } from './problems.service';
import { ApiErrors } from '../common/api-errors';
import { CreatedMeasureResponse, CreatedProblemResponse, ProblemWithCountsResponse } from './problems.response';

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
  @ApiOperation({ summary: 'Create a problem with its measures (office); one workflow per measure' })
  @ApiCreatedResponse({ type: CreatedProblemResponse })
  @ApiErrors(400, 404, 409)
  async create(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CreateProblemDto,
    @CurrentActor() actor: RequestActor,
  ) {
    await this.access.require(actor, id, ['office']);
    const [problem] = await this.problems.createProblems(id, [body]);
    return problem;
  }

  @Post('inspections/:id/problems/bulk')
  @ApiOperation({ summary: 'Create many problems with their measures at once (office)' })
  @ApiCreatedResponse({ type: CreatedProblemResponse, isArray: true })
  @ApiErrors(400, 404, 409)
  async createMany(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: BulkProblemsDto,
    @CurrentActor() actor: RequestActor,
  ) {
    await this.access.require(actor, id, ['office']);
    return this.problems.createProblems(id, body.problems);
  }

  @Get('inspections/:id/problems')
  @ApiOperation({
    summary: "The inspection's problems with their place in the heading ladder and the counts of their measures",
  })
  @ApiOkResponse({ type: ProblemWithCountsResponse, isArray: true })
  @ApiErrors(400, 404)
  async list(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.visibility.requireInspection(actor, id);
    return this.problems.list(id, actor);
  }

  @Post('problems/:id/measures')
  @ApiOperation({
    summary:
      'Add a measure to a problem (office); its workflow starts at 交办; recorded in the plan changes (measure.add)',
  })
  @ApiCreatedResponse({ type: CreatedMeasureResponse })
  @ApiErrors(400, 404, 409)
  async addMeasure(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CreateMeasureDto,
    @CurrentActor() actor: RequestActor,
  ) {
    await this.access.require(actor, await this.problems.inspectionOf(id), ['office']);
    return this.problems.addMeasure(id, body, actor);
  }
}
