import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { ACTOR_HEADER } from '../common/actor';
import { AssignRolesDto, CreateInspectionDto } from './inspection.dto';
import { InspectionsService } from './inspections.service';

@ApiTags('inspections')
@ApiHeader({ name: ACTOR_HEADER, required: true, description: 'id of the acting person' })
@Controller('inspections')
export class InspectionsController {
  constructor(private readonly inspections: InspectionsService) {}

  @Post()
  create(@Body() body: CreateInspectionDto) {
    return this.inspections.create(body);
  }

  @Get()
  list() {
    return this.inspections.list();
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.inspections.summary(id);
  }

  @Post(':id/roles')
  assignRoles(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AssignRolesDto) {
    return this.inspections.assignRoles(id, body.roles);
  }

  @Get(':id/roles')
  listRoles(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.inspections.listRoles(id);
  }
}
