import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AUTH_REFUSALS, ErrorResponse } from './common/api-errors';

/** One line per tag of the document (Redocly's tag-description rule, and the docs page's headings). */
const TAGS: Record<string, string> = {
  health: 'Liveness and the database connection',
  auth: 'Sign-in, tokens, the password and the signed-in person',
  organisation: 'Departments and people (administrators create them)',
  inspections: 'Inspections (巡视/巡察/审计/督查), their timer policy, roles and counts',
  problems: 'The problems (问题) of an inspection and their measures',
  measures: 'Measures (整改措施): the ledger, one measure, its history and its actions (Workflow Updates)',
  evidence: 'Evidence files (佐证材料), stored by SHA-256',
  documents: 'Plan and notice imports, the Excel ledger (template, import, export)',
  notices: 'The public progress notice (通报): records, narrative, preview, publishing, feedback',
  public: 'What the public sees without signing in: the published notice and its feedback form',
  notifications: 'The in-app inbox of the signed-in person',
  workbench: '我的待办, the dashboard and what the web workbench needs before sign-in',
  admin: 'Account administration and the audit chain check (system administrators)',
};

/** Marks an operation that needs no sign-in (set by the Public() decorator the AuthGuard reads). */
export const PUBLIC_EXTENSION = 'x-public';

/**
 * The OpenAPI document of the API as mounted by `app` (global prefix set). Bearer security is the
 * default; an operation marked Public() declares none. Every secured operation can answer 401 (no
 * valid token) and 403 (role, or a password change pending), so those are added here once.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Rectiflow API')
    .setDescription(
      '整改 tracking: inspections, problems, measures (one Temporal workflow each), actions, evidence and the audit trail.',
    )
    .setVersion('0.1.0')
    .setLicense('UNLICENSED', 'https://choosealicense.com/no-permission/')
    .addServer('/', 'this server (the workbench is served from the same origin)')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'the accessToken of POST /api/auth/sign-in' },
      'bearer',
    )
    .addSecurityRequirements('bearer');
  for (const [name, description] of Object.entries(TAGS)) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ErrorResponse],
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  for (const methods of Object.values(document.paths)) {
    for (const operation of Object.values(methods) as Record<string, unknown>[]) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const responses = operation.responses as Record<string, unknown>;
      if (operation[PUBLIC_EXTENSION]) {
        delete operation[PUBLIC_EXTENSION];
        operation.security = [];
        continue;
      }
      for (const [status, description] of Object.entries(AUTH_REFUSALS)) {
        responses[status] ??= {
          description,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
        };
      }
    }
  }
  unwrapLoneAllOf(document.components);
  return document;
}

/** The swagger module wraps every named enum in `allOf: [$ref]`; with nothing beside it, the $ref alone says the same. */
function unwrapLoneAllOf(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(unwrapLoneAllOf);
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    const child = value as Record<string, unknown> | null;
    if (
      child &&
      typeof child === 'object' &&
      Array.isArray(child.allOf) &&
      child.allOf.length === 1 &&
      Object.keys(child).length === 1
    )
      record[key] = child.allOf[0];
    else unwrapLoneAllOf(value);
  }
}
