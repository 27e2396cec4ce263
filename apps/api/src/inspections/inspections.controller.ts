import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { AdminOnly, CurrentActor, RequestActor } from '../common/actor';
import { Visibility } from '../common/visibility';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssignRolesDto, CreateInspectionDto } from './inspection.dto';
import { InspectionsService } from './inspections.service';
import { ApiErrors } from '../common/api-errors';
import { InspectionResponse, InspectionRoleResponse, InspectionSummaryResponse } from './inspections.response';

@ApiTags('inspections')
@ApiBearerAuth()
@Controller('inspections')
export class InspectionsController {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly visibility: Visibility,
  ) {}

  @Post()
  @AdminOnly()
  @ApiOperation({ summary: 'Create an inspection with its timer policy (system administrators)' })
  @ApiCreatedResponse({ type: InspectionResponse })
  @ApiErrors(400)
  create(@Body() body: CreateInspectionDto) {
    return this.inspections.create(body);
  }

  @Get()
  @ApiOperation({
    summary:
      'The inspections this person may see: all for an administrator, else those they hold a role or a measure in',
  })
  @ApiOkResponse({ type: InspectionResponse, isArray: true })
  list(@CurrentActor() actor: RequestActor) {
    return this.inspections.list(actor);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'One inspection with its counts (measures by stage and colour, problems closed), over the measures this person may see',
  })
  @ApiOkResponse({ type: InspectionSummaryResponse })
  @ApiErrors(400, 404)
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.visibility.requireInspection(actor, id);
    return this.inspections.summary(id, actor);
  }

  @Post(':id/roles')
  @AdminOnly()
  @ApiOperation({
    summary: "Give people roles in the inspection (system administrators); answers the inspection's roles",
  })
  @ApiCreatedResponse({ type: InspectionRoleResponse, isArray: true })
  @ApiErrors(400, 404)
  assignRoles(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AssignRolesDto) {
    return this.inspections.assignRoles(id, body.roles);
  }

  @Get(':id/roles')
  @ApiOperation({ summary: 'Who holds which role in the inspection' })
  @ApiOkResponse({ type: InspectionRoleResponse, isArray: true })
  @ApiErrors(400, 404)
  async listRoles(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.visibility.requireInspection(actor, id);
    return this.inspections.listRoles(id);
  }
}
