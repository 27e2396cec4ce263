import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IdField, Type } from '../common/validation';

/** Filters of the account-administration audit; a bad limit is refused naming `limit`. */
export class AccountEventsQuery {
  @IdField({ optional: true, description: 'only the events about this person' })
  personId?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
