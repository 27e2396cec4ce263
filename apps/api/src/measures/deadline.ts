import { registerDecorator, ValidationArguments } from 'class-validator';
import { deadlineProblem } from '@rectiflow/domain';
import { isDateOnly } from '../inspections/date-only';

/** Offices write deadlines as days (整改时限 2024年6月30日): a bare date means the end of that day in China time (UTC+8, no DST). */
export const DEADLINE_UTC_OFFSET = '+08:00';

export function parseDeadline(value: string): Date | null {
  if (isDateOnly(value)) return new Date(`${value}T23:59:59${DEADLINE_UTC_OFFSET}`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function IsDeadline() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDeadline',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => {
          const date = typeof value === 'string' ? parseDeadline(value) : null;
          return date !== null && deadlineProblem(date) === null;
        },
        defaultMessage: (validation?: ValidationArguments) => {
          const date = typeof validation?.value === 'string' ? parseDeadline(validation.value) : null;
          const problem = date ? deadlineProblem(date) : null;
          return problem
            ? `${propertyName} ${problem}`
            : `${propertyName} must be a date (YYYY-MM-DD) or an ISO-8601 date-time with a time zone`;
        },
      },
    });
}
