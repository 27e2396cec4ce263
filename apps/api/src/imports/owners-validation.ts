import { checkText, deadlineProblem, MEASURE_KINDS } from '@rectiflow/domain';
import { isDateOnly } from '../inspections/date-only';

const NAME_LISTS = ['leaders', 'leadDepartments', 'cooperatingDepartments'] as const;
const DEADLINE_KEYS = ['phrase', 'dueDate', 'kind'];

/** Owners in a corrected tree (free JSON) as the parser writes them: name lists and a 整改时限, named by path. */
export function ownersErrors(owners: unknown, path: string): string[] {
  if (owners === undefined) return [];
  if (typeof owners !== 'object' || owners === null || Array.isArray(owners)) return [`${path} must be an object`];
  const errors: string[] = [];
  for (const [key, value] of Object.entries(owners)) {
    const at = `${path}.${key}`;
    if ((NAME_LISTS as readonly string[]).includes(key)) {
      if (!Array.isArray(value) || value.length > 50) {
        errors.push(`${at} must be a list of at most 50 names`);
        continue;
      }
      value.forEach((name, index) => {
        const check = checkText(name, { min: 1, max: 100 });
        if (!check.ok) errors.push(`${at}[${index}] ${check.problem}`);
      });
    } else if (key === 'deadline') errors.push(...deadlineErrors(value, at));
    else errors.push(`${at} is not an owner field (${[...NAME_LISTS, 'deadline'].join(', ')})`);
  }
  return errors;
}

function deadlineErrors(deadline: unknown, path: string): string[] {
  if (typeof deadline !== 'object' || deadline === null || Array.isArray(deadline))
    return [`${path} must be an object`];
  const { phrase, dueDate, kind } = deadline as Record<string, unknown>;
  const errors = Object.keys(deadline)
    .filter((key) => !DEADLINE_KEYS.includes(key))
    .map((key) => `${path}.${key} is not a deadline field (${DEADLINE_KEYS.join(', ')})`);
  const check = checkText(phrase, { min: 1, max: 200 });
  if (!check.ok) errors.push(`${path}.phrase ${check.problem}`);
  if (
    dueDate !== undefined &&
    !(isDateOnly(dueDate) && deadlineProblem(new Date(`${dueDate as string}T00:00:00Z`)) === null)
  )
    errors.push(`${path}.dueDate must be a date written YYYY-MM-DD (2000–2100)`);
  if (kind !== undefined && !(MEASURE_KINDS as readonly unknown[]).includes(kind))
    errors.push(`${path}.kind must be one of ${MEASURE_KINDS.join(', ')}`);
  return errors;
}
