/** What the office's upkeep of the plan tells those it concerns, and the one-full-stop rule of every text. */
import { calendarDay, MEASURE_KIND_LABELS, type MeasureKind } from '@rectiflow/domain';
import type { Audience, PlannedNotification } from './notification-plan';

/** A person's words as the end of a sentence: one full stop, never two. */
export function sentence(words: unknown): string {
  const text = String(words ?? '').trim();
  return /[。！？!?.]$/.test(text) ? text : `${text}。`;
}

/** What the office's upkeep of the plan tells those it concerns. */
export function planUpkeepNotifications(
  action: 'reassign' | 'change_deadline' | 'edit_text' | 'void',
  subject: string,
  due: string,
  detail: Record<string, unknown>,
): PlannedNotification[] {
  const reason = detail.reason ? `原因:${sentence(detail.reason)}` : '';
  const concerned: Audience[] = ['department_staff', 'responsible_leader', 'named_people'];
  const tell = (kind: string, title: string, body: string, audiences = concerned) =>
    audiences.map((audience) => ({ audience, kind, title: `【${title}】${subject}`, body }));
  switch (action) {
    case 'reassign':
      return [
        ...tell('reassigned', '责任调整', `整改措施“${subject}”的责任已调整,现由您(贵部门)承担${due}。${reason}`),
        ...tell('released', '责任调整', `整改措施“${subject}”已调整至其他责任主体,您(贵部门)不再承担。${reason}`, [
          'departments_released',
          'people_released',
        ]),
      ];
    case 'change_deadline':
      return tell('deadline_changed', '时限调整', `整改措施“${subject}”的${deadlineChange(detail)}。${reason}`);
    case 'edit_text':
      return tell('measure_edited', '措施修改', `整改措施已修改为“${subject}”。${reason}`, ['department_staff']);
    case 'void':
      return tell('voided', '措施作废', `整改措施“${subject}”已作废,无需继续办理。${reason}`);
  }
}

/**
 * What a 调整时限 changed, in days of China time: the kind (措施类型) and/or the deadline; a deadline
 * moved within its day (a 立行立改 instant to the end of that day) is still named.
 */
export function deadlineChange(detail: Record<string, unknown>): string {
  const day = (value: unknown) => (value ? calendarDay(new Date(String(value))) : '');
  const label = (kind: unknown) => MEASURE_KIND_LABELS[kind as MeasureKind] ?? String(kind);
  const parts: string[] = [];
  if (detail.previousKind && detail.kind && detail.previousKind !== detail.kind)
    parts.push(`措施类型由 ${label(detail.previousKind)} 调整为 ${label(detail.kind)}`);
  const [before, after] = [day(detail.previousDueAt), day(detail.dueAt)];
  if (before !== after || parts.length === 0) parts.push(`整改时限由 ${before} 调整为 ${after}`);
  return parts.join(',');
}
