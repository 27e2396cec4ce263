import { Module } from '@nestjs/common';
import { MeasuresModule } from '../measures/measures.module';
import { ProblemsController } from './problems.controller';
import { ProblemsService } from './problems.service';

/** Problems with their measures, one at a time or in bulk (each measure's workflow started). */
@Module({
  imports: [MeasuresModule],
  controllers: [ProblemsController],
  providers: [ProblemsService],
  exports: [ProblemsService],
})
export class ProblemsModule {}
