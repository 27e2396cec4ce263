import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { AdminOnly, CurrentActor, RequestActor } from '../common/actor';
import { Visibility } from '../common/visibility';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AssignRolesDto, CreateInspectionDto } from './inspection.dto';
import { InspectionsService } from './inspections.service';

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
  create(@Body() body: CreateInspectionDto) {
    return this.inspections.create(body);
  }

  @Get()
  list(@CurrentActor() actor: RequestActor) {
    return this.inspections.list(actor);
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.visibility.requireInspection(actor, id);
    return this.inspections.summary(id, actor);
  }

  @Post(':id/roles')
  @AdminOnly()
  assignRoles(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AssignRolesDto) {
    return this.inspections.assignRoles(id, body.roles);
  }

  @Get(':id/roles')
  async listRoles(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.visibility.requireInspection(actor, id);
    return this.inspections.listRoles(id);
  }
}
