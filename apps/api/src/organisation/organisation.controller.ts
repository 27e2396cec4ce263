import { Body, Controller, Get, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { DomainError, ErrorCode } from '../common/domain-error';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AdminOnly, CurrentActor, RequestActor } from '../common/actor';
import { BulkDepartmentsDto, BulkPeopleDto, CreateDepartmentDto, CreatePersonDto } from './organisation.dto';
import { OrganisationService } from './organisation.service';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Post('departments')
  @AdminOnly()
  async createDepartment(@Body() body: CreateDepartmentDto) {
    const [department] = await this.organisation.createDepartments([body]);
    return department;
  }

  @Post('departments/bulk')
  @AdminOnly()
  createDepartments(@Body() body: BulkDepartmentsDto) {
    return this.organisation.createDepartments(body.departments);
  }

  @Get('departments')
  listDepartments() {
    return this.organisation.listDepartments();
  }

  @Post('people')
  @AdminOnly()
  async createPerson(@Body() body: CreatePersonDto) {
    const [person] = await this.organisation.createPeople([body]);
    return person;
  }

  @Post('people/bulk')
  @AdminOnly()
  createPeople(@Body() body: BulkPeopleDto) {
    return this.organisation.createPeople(body.people);
  }

  @Get('people')
  @ApiOperation({ summary: 'People this person may see: all (with e-mail and account state) for an administrator, all names for inspection roles, else their department and the people of their measures' })
  listPeople(@CurrentActor() actor: RequestActor) {
    return this.organisation.listPeople(actor);
  }

  @Post('organisation/:kind/csv')
  @AdminOnly()
  @ApiParam({ name: 'kind', enum: ['departments', 'people'] })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @UseInterceptors(FileInterceptor('file'))
  importCsv(@Param('kind') kind: string, @UploadedFile() file: { buffer: Buffer } | undefined) {
    if (kind !== 'departments' && kind !== 'people') throw new DomainError(ErrorCode.NotFound, 'import departments or people');
    if (!file) throw new DomainError(ErrorCode.InvalidInput, 'file is required (multipart field "file")');
    return this.organisation.importCsv(kind, file.buffer.toString('utf8'));
  }
}
