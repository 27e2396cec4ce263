import { registerDecorator, ValidationArguments } from 'class-validator';
import { deadlineProblem } from '@rectiflow/domain';

/** A calendar date written YYYY-MM-DD that exists (no 2024-02-30). */
export function isDateOnly(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Why a YYYY-MM-DD day is out of the product's date bounds (2000–2100: a typing slip otherwise), or null. */
function dayProblem(value: string): string | null {
  return deadlineProblem(new Date(`${value}T00:00:00Z`));
}

/** A day (YYYY-MM-DD) that exists and lies within 2000–2100, as every date people type in the product. */
export function IsDateOnly() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDateOnly',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => isDateOnly(value) && dayProblem(value as string) === null,
        defaultMessage: (validation?: ValidationArguments) => {
          const problem = isDateOnly(validation?.value) ? dayProblem(validation!.value as string) : null;
          return problem ? `${propertyName} ${problem}` : `${propertyName} must be a date written YYYY-MM-DD`;
        },
      },
    });
}
