import { registerDecorator } from 'class-validator';

/** A calendar date written YYYY-MM-DD that exists (no 2024-02-30). */
export function isDateOnly(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function IsDateOnly() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDateOnly',
      target: target.constructor,
      propertyName,
      validator: { validate: isDateOnly, defaultMessage: () => `${propertyName} must be a date written YYYY-MM-DD` },
    });
}
