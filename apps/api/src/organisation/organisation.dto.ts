import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { IdField, TextField, Type } from '../common/validation';

export class CreateDepartmentDto {
  @TextField({ min: 1, max: 100, example: '投资合作中心' })
  name: string;

  @IdField({ optional: true, description: 'parent department' })
  parentId?: string;
}

export class BulkDepartmentsDto {
  @ApiProperty({ type: [CreateDepartmentDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => CreateDepartmentDto)
  departments: CreateDepartmentDto[];
}

export class CreatePersonDto {
  @TextField({ min: 1, max: 100, example: '张三' })
  name: string;

  @IdField({ optional: true, description: 'the department the person works in' })
  departmentId?: string;
}

export class BulkPeopleDto {
  @ApiProperty({ type: [CreatePersonDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => CreatePersonDto)
  people: CreatePersonDto[];
}
