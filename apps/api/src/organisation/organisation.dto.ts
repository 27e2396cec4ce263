import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, ValidateNested } from 'class-validator';
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

  @TextField({ optional: true, max: 200, description: 'where e-mail copies of notifications go' })
  email?: string;

  @TextField({ optional: true, max: 64, description: 'sign-in name (with password: creates the account)' })
  username?: string;

  @TextField({ optional: true, max: 200, description: 'initial password (10+ characters, two kinds)' })
  password?: string;

  @ApiPropertyOptional({ description: 'system administrator (accounts, organisation, inspections)' })
  @IsOptional()
  @IsBoolean()
  isAdmin?: boolean;
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
