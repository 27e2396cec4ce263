import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { ACTOR_HEADER, AllowBootstrap } from '../common/actor';
import { BulkDepartmentsDto, BulkPeopleDto, CreateDepartmentDto, CreatePersonDto } from './organisation.dto';
import { OrganisationService } from './organisation.service';

@ApiTags('organisation')
@ApiHeader({ name: ACTOR_HEADER, required: true, description: 'id of the acting person' })
@Controller()
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Post('departments')
  @AllowBootstrap()
  async createDepartment(@Body() body: CreateDepartmentDto) {
    const [department] = await this.organisation.createDepartments([body]);
    return department;
  }

  @Post('departments/bulk')
  @AllowBootstrap()
  createDepartments(@Body() body: BulkDepartmentsDto) {
    return this.organisation.createDepartments(body.departments);
  }

  @Get('departments')
  listDepartments() {
    return this.organisation.listDepartments();
  }

  @Post('people')
  @AllowBootstrap()
  async createPerson(@Body() body: CreatePersonDto) {
    const [person] = await this.organisation.createPeople([body]);
    return person;
  }

  @Post('people/bulk')
  @AllowBootstrap()
  createPeople(@Body() body: BulkPeopleDto) {
    return this.organisation.createPeople(body.people);
  }

  @Get('people')
  listPeople() {
    return this.organisation.listPeople();
  }
}
