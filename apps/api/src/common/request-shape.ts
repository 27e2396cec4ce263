import type { NextFunction, Request, Response } from 'express';
import { characterProblem } from '@rectiflow/domain';

/**
 * Checked on every request before any validation or transformation: class-transformer and
 * class-validator walk a body recursively and look at every array item before the array's size,
 * so a 100,000-level body overflowed their stack (500) and a 50,000-item array held the event loop
 * for seconds. This walk is iterative, stops at the first problem and names where it is.
 */
export const REQUEST_LIMITS = {
  /** Nesting of objects and arrays; the deepest real body (a corrected document tree) is about 10. */
  depth: 32,
  /** Items in one array; the largest bulk endpoint (people) takes 5,000. */
  arrayItems: 5000,
  /** Values in one body, all levels together. */
  values: 100_000,
} as const;

/** The first problem with a parsed body or query, naming its path (`problems[3].title`), or null. */
export function shapeProblem(root: unknown, rootName: string, limits = REQUEST_LIMITS): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootName, depth: 0 }];
  let values = 0;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    values += 1;
    if (values > limits.values) return `the request has more than ${limits.values} values`;
    if (typeof value === 'string') {
      const problem = characterProblem(value);
      if (problem) return `${path} ${problem}`;
      continue;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) return `${path} must be a finite number`;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limits.depth) return `${path} is nested more than ${limits.depth} levels deep`;
    if (Array.isArray(value)) {
      if (value.length > limits.arrayItems)
        return `${path} has ${value.length} items; at most ${limits.arrayItems} in one request`;
      for (let index = value.length - 1; index >= 0; index -= 1)
        stack.push({ value: value[index], path: `${path}[${index}]`, depth: depth + 1 });
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = characterProblem(key);
      if (keyProblem) return `a field name in ${path} ${keyProblem}`;
      stack.push({ value: item, path: path ? `${path}.${key.slice(0, 60)}` : key.slice(0, 60), depth: depth + 1 });
    }
  }
  return null;
}

/** Express middleware after the body parsers: refuses a body or query out of shape with 400 naming the place. */
export function requestShapeGuard(request: Request, response: Response, next: NextFunction): void {
  const problem =
    shapeProblem(request.query, 'query') ?? (request.body !== undefined ? shapeProblem(request.body, '') : null);
  if (!problem) return next();
  response.status(400).json({ statusCode: 400, error: 'INVALID_INPUT', message: problem.replace(/^ /, 'the body ') });
}
