import { Body, Controller, Get, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { DomainError, ErrorCode } from '../common/domain-error';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { AdminOnly, CurrentActor, RequestActor } from '../common/actor';
import { BulkDepartmentsDto, BulkPeopleDto, CreateDepartmentDto, CreatePersonDto } from './organisation.dto';
import { OrganisationService } from './organisation.service';
import { ApiErrors } from '../common/api-errors';
import { DepartmentResponse, PersonResponse } from './organisation.response';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Post('departments')
  @AdminOnly()
  @ApiOperation({ summary: 'Create a department (system administrators)' })
  @ApiCreatedResponse({ type: DepartmentResponse })
  @ApiErrors(400, 409)
  async createDepartment(@Body() body: CreateDepartmentDto) {
    const [department] = await this.organisation.createDepartments([body]);
    return department;
  }

  @Post('departments/bulk')
  @AdminOnly()
  @ApiOperation({ summary: 'Create many departments at once (system administrators)' })
  @ApiCreatedResponse({ type: DepartmentResponse, isArray: true })
  @ApiErrors(400, 409)
  createDepartments(@Body() body: BulkDepartmentsDto) {
    return this.organisation.createDepartments(body.departments);
  }

  @Get('departments')
  @ApiOperation({ summary: 'Every department' })
  @ApiOkResponse({ type: DepartmentResponse, isArray: true })
  listDepartments() {
    return this.organisation.listDepartments();
  }

  @Post('people')
  @AdminOnly()
  @ApiOperation({
    summary: 'Create a person, with an account when a username and password are given (system administrators)',
  })
  @ApiCreatedResponse({ type: PersonResponse })
  @ApiErrors(400, 409)
  async createPerson(@Body() body: CreatePersonDto) {
    const [person] = await this.organisation.createPeople([body]);
    return person;
  }

  @Post('people/bulk')
  @AdminOnly()
  @ApiOperation({ summary: 'Create many people at once (system administrators)' })
  @ApiCreatedResponse({ type: PersonResponse, isArray: true })
  @ApiErrors(400, 409)
  createPeople(@Body() body: BulkPeopleDto) {
    return this.organisation.createPeople(body.people);
  }

  @Get('people')
  @ApiOperation({
    summary:
      'People this person may see: all (with e-mail and account state) for an administrator, all names for inspection roles, else their department and the people of their measures',
  })
  @ApiOkResponse({ type: PersonResponse, isArray: true })
  listPeople(@CurrentActor() actor: RequestActor) {
    return this.organisation.listPeople(actor);
  }

  @Post('organisation/:kind/csv')
  @AdminOnly()
  @ApiParam({ name: 'kind', enum: ['departments', 'people'] })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
  })
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({ summary: 'Create departments or people from a CSV file with a header row (system administrators)' })
  @ApiExtraModels(DepartmentResponse, PersonResponse)
  @ApiCreatedResponse({
    description: 'what was created',
    schema: {
      type: 'array',
      items: { oneOf: [{ $ref: getSchemaPath(DepartmentResponse) }, { $ref: getSchemaPath(PersonResponse) }] },
    },
  })
  @ApiErrors(400, 404, 409)
  importCsv(@Param('kind') kind: string, @UploadedFile() file: { buffer: Buffer } | undefined) {
    if (kind !== 'departments' && kind !== 'people')
      throw new DomainError(ErrorCode.NotFound, 'import departments or people');
    if (!file) throw new DomainError(ErrorCode.InvalidInput, 'file is required (multipart field "file")');
    return this.organisation.importCsv(kind, file.buffer.toString('utf8'));
  }
}
