/**
 * Which notifications ask the person to do something (待办) and which only tell them (知悉). The
 * bell lists the action-needed ones first; an unknown kind is for information.
 */
export const ACTION_NEEDED_KINDS = [
  'assignment',
  'review_requested',
  'signoff_requested',
  'rejection',
  'extension_requested',
  'supervision_notice',
  'supervision_overdue',
  'supervision_returned',
  'supervision_answered',
  'look_back_due',
  'urge',
  'cooperation_reminder',
  'reopened',
  'rebound',
  'reassigned',
  'reminder',
  'escalation',
  'public_feedback',
  'report_reminder',
  'report_overdue',
] as const;

const ACTION_NEEDED = new Set<string>(ACTION_NEEDED_KINDS);

export function isActionNeeded(kind: string): boolean {
  return ACTION_NEEDED.has(kind);
}

/** How a person's e-mail copies go: their setting, or the deployment's default (MAIL_DIGEST_DEFAULT). */
export const EMAIL_DIGEST_CHOICES = ['daily', 'immediate', 'default'] as const;
export type EmailDigestChoice = (typeof EMAIL_DIGEST_CHOICES)[number];

/** MAIL_DIGEST_DEFAULT: `daily` or `immediate` (the default); read the same way by the worker's mailer. */
export function digestByDefault(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.MAIL_DIGEST_DEFAULT ?? '').trim();
  if (value === '' || value === 'immediate') return false;
  if (value === 'daily') return true;
  throw new Error(`MAIL_DIGEST_DEFAULT must be "daily" or "immediate" (got ${JSON.stringify(value)})`);
}
