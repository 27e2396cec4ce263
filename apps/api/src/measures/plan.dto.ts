import { IdField, IdListField, TextField } from '../common/validation';
import { ActionBodyDto } from './measure.dto';
import { ArrayMinSize } from 'class-validator';

export class RetitleProblemDto {
  @TextField({ min: 1, max: 1000, description: "the problem's new title" })
  title: string;

  @TextField({ optional: true, max: 4000, multiline: true, description: 'why it changed (kept with the change)' })
  reason?: string;
}

export class PlanChangesQuery {
  @IdField({ optional: true, description: 'only the changes of this problem' })
  problemId?: string;
}

/** One action on a selection of measures (批量交办): the action's fields once, the measures listed. */
export class BatchActionBodyDto extends ActionBodyDto {
  @IdListField({ description: 'the measures to act on (1–200)', maxItems: 200 })
  @ArrayMinSize(1)
  measureIds: string[];
}
