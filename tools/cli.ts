/**
 * `npm run cli -- <command>`.
 *
 *   import-doc <file> --dry-run [--json]      parse a plan, notice or Word task-list table (.txt, .md, .docx) and print
 *                                            its structure with each measure's owners, 整改时限 (ISO date) and kind
 *   import-doc <file> --inspection <id> --lead-department <id> --leader <id> --due <YYYY-MM-DD> [--kind deadline]
 *              [--api http://127.0.0.1:3000/api] (--username <name> with RECTIFLOW_PASSWORD | --token <access token>)
 *                                            import it into an inspection through the running API, with a progress bar
 *   create-admin --username <name> [--name <display name>]
 *                                            create a system administrator (password from RECTIFLOW_PASSWORD, or generated and printed once)
 */
import { SingleBar } from 'cli-progress';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDocument, ParsedDocument, ParsedOwners, problemsForImport, problemsOf } from '@rectiflow/documents';

const CHUNK = 10;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

/**
 * The JSON shape the issue names: sections → categories → groups → problems → measures, absent levels
 * left out; each measure carries its owners in force (leaders, departments, deadline with dueDate and kind).
 */
export function structureJson(parsed: ParsedDocument) {
  return {
    title: parsed.title,
    sections: parsed.sections.map((section) => ({
      number: section.number,
      title: section.title,
      ...(section.categories ? { categories: section.categories } : {}),
      ...(section.groups ? { groups: section.groups } : {}),
      ...(section.problems ? { problems: section.problems } : {}),
      ...(section.narrative !== undefined ? { narrative: section.narrative } : {}),
    })),
    counts: parsed.counts,
    warnings: parsed.warnings,
  };
}

/** `张三 · 县委办公室 (+组织部) · 2024-09-30 deadline`, or '' when the document names no owners. */
function ownersBrief(owners: ParsedOwners | undefined): string {
  if (!owners) return '';
  const deadline = owners.deadline;
  const parts = [
    owners.leaders?.join('、'),
    [
      owners.leadDepartments?.join('、'),
      owners.cooperatingDepartments?.length ? `(+${owners.cooperatingDepartments.join('、')})` : '',
    ]
      .filter(Boolean)
      .join(' '),
    deadline && [deadline.dueDate ?? `"${deadline.phrase}"`, deadline.kind].filter(Boolean).join(' '),
  ].filter(Boolean);
  return parts.length ? `  [${parts.join(' · ')}]` : '';
}

function printTree(parsed: ParsedDocument) {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`${parsed.title ?? '(no title)'}`);
  for (const section of parsed.sections) {
    const narrative = section.narrative !== undefined && !problemsOf(section).length ? '  [narrative]' : '';
    out(`${section.number ? `${section.number}、` : ''}${section.title || '(untitled section)'}${narrative}`);
    for (const { category, group, problem } of problemsOf(section)) {
      const place = [category ? `(${category.number})` : '', group ? `${group.number}.` : ''].join('');
      out(`  ${place}(${problem.number}) ${problem.title}  — ${problem.measures.length} measure(s)`);
      // Owners per measure only where the document names some.
      for (const measure of problem.measures)
        if (measure.owners) out(`      ${measure.number}. ${measure.text.slice(0, 24)}${ownersBrief(measure.owners)}`);
    }
  }
  const counts = parsed.counts;
  out(
    `${counts.sections} sections, ${counts.categories} categories, ${counts.groups} groups, ${counts.problems} problems, ${counts.measures} measures`,
  );
  for (const warning of parsed.warnings) out(`warning: ${warning}`);
}

/** Signs in as an office member of the inspection (password from RECTIFLOW_PASSWORD, never a flag), or takes a token. */
async function accessToken(api: string, args: string[]): Promise<string> {
  const token = option(args, 'token') ?? process.env.RECTIFLOW_TOKEN;
  if (token) return token;
  const username = option(args, 'username') ?? process.env.RECTIFLOW_USERNAME;
  const password = process.env.RECTIFLOW_PASSWORD;
  if (!username || !password)
    throw new Error(
      'importing needs --username <name> with RECTIFLOW_PASSWORD in the environment, or --token <access token>',
    );
  const response = await fetch(`${api}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function importDocument(args: string[]) {
  const file =
    args.find((arg, index) => index > 0 && !arg.startsWith('--') && !args[index - 1].startsWith('--')) ?? args[1];
  if (!file) throw new Error('usage: npm run cli -- import-doc <file> --dry-run --json');
  const parsed = await parseDocument(file, readFileSync(file));
  if (args.includes('--dry-run')) {
    if (args.includes('--json')) process.stdout.write(`${JSON.stringify(structureJson(parsed))}\n`);
    else printTree(parsed);
    return;
  }
  const inspection = option(args, 'inspection');
  const leadDepartmentId = option(args, 'lead-department');
  const responsibleLeaderId = option(args, 'leader');
  const dueAt = option(args, 'due');
  const missing = [
    !inspection && '--inspection',
    !leadDepartmentId && '--lead-department',
    !responsibleLeaderId && '--leader',
    !dueAt && '--due',
  ].filter(Boolean);
  if (missing.length) throw new Error(`importing needs ${missing.join(', ')} (or use --dry-run)`);
  const api = option(args, 'api') ?? process.env.API_URL ?? 'http://127.0.0.1:3000/api';
  const token = await accessToken(api, args);
  const kind = option(args, 'kind') ?? 'deadline';
  const problems = problemsForImport(parsed.sections, {
    kind,
    leadDepartmentId: leadDepartmentId!,
    responsibleLeaderId: responsibleLeaderId!,
    dueAt: dueAt!,
  });
  // In a pipe or CI log the bar still reports, a line at a time.
  const bar = new SingleBar({
    format: `${basename(file)} [{bar}] {value}/{total} problems`,
    stream: process.stderr,
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 500,
  });
  bar.start(problems.length, 0);
  let measures = 0;
  try {
    for (let start = 0; start < problems.length; start += CHUNK) {
      const chunk = problems.slice(start, start + CHUNK);
      const response = await fetch(`${api}/inspections/${inspection}/problems/bulk`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ problems: chunk }),
      });
      if (!response.ok)
        throw new Error(
          `the API refused problems (${chunk[0].number})–(${chunk[chunk.length - 1].number}): ${response.status} ${await response.text()}`,
        );
      measures += chunk.reduce((sum, problem) => sum + problem.measures.length, 0);
      bar.update(start + chunk.length);
    }
  } finally {
    bar.stop();
  }
  process.stdout.write(`imported ${problems.length} problems and ${measures} measures into inspection ${inspection}\n`);
}

/** The first administrator is made here (or by another admin), never by a default password. */
async function createAdmin(args: string[]) {
  const username = option(args, 'username');
  if (!username) throw new Error('usage: npm run cli -- create-admin --username <name> [--name <display name>]');
  // Loaded here, not at the top: import-doc needs neither the database nor bcrypt.
  const { randomBytes } = await import('node:crypto');
  const { accountFields } = await import('../apps/api/src/auth/auth.service');
  const { localDatabaseUrl } = await import('./local-database');
  const { createAdministrator } = await import('./administrator');
  const { bcryptRounds } = await import('@rectiflow/platform');
  const generated = !process.env.RECTIFLOW_PASSWORD;
  const password = process.env.RECTIFLOW_PASSWORD ?? `Rf-${randomBytes(12).toString('base64url')}`;
  const account = (await accountFields(username, password, bcryptRounds()))!;
  await createAdministrator(
    localDatabaseUrl(),
    { name: option(args, 'name') ?? '系统管理员', ...account },
    async (accounts, tx) => {
      if ((await accounts.takenUsernames([account.username], tx)).length)
        throw new Error(`username ${account.username} is already taken`);
    },
  );
  process.stdout.write(
    `administrator ${account.username} created${generated ? `; password (shown once): ${password}` : ''}\n`,
  );
}

async function main() {
  const args = process.argv.slice(2);
  switch (args[0]) {
    case 'import-doc':
      return importDocument(args);
    case 'create-admin':
      return createAdmin(args);
    default:
      process.stderr.write(
        'commands: import-doc <file> [--dry-run] [--json] [--inspection <id> …] | create-admin --username <name>\n',
      );
      process.exitCode = 2;
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error.message ?? error}\n`);
    process.exit(1);
  });
}
