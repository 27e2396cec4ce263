import { Button, Card, Grid, Space, Table, Tag, Typography } from 'antd';
import type { CheckboxProps } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api';
import { formatDate } from '../../../components/format';
import type { Directory } from '../../../directory';
import { EditTarget, OwnerEditDialog } from './OwnerEditDialog';
import { Draft, useDraftEdit } from './useDraftEdit';

type Assignment = Schemas['MeasureAssignmentResponse'];
const keyOf = (row: { problemNumber: number; measureNumber: number }) => `${row.problemNumber}-${row.measureNumber}`;

/**
 * 责任分工 of a plan import: each measure's owners as the document names them, resolved to
 * departments and people; names nobody matched marked (未匹配, or 导入时新建 once marked create), and
 * what the commit would still refuse the measure for. The office edits one measure, a problem's
 * measures, or a selection.
 */
export function ImportOwners({
  draft,
  problemNumbers,
  directory,
  onDraft,
}: {
  draft: Draft;
  /** The problems still in the corrected tree (a removed one's measures are not imported). */
  problemNumbers: Set<string>;
  directory: Directory;
  onDraft: (draft: Draft) => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const edit = useDraftEdit(draft.id, onDraft);
  const [selected, setSelected] = useState<string[]>([]);
  const [target, setTarget] = useState<EditTarget | null>(null);
  const rows = draft.assignments.filter((row) => problemNumbers.has(String(row.problemNumber)));

  /** An owner by name; a name read but not resolved in red (or orange once it is to be created). */
  const owner = (id: string | null, read: string | undefined, row: Assignment, kind: 'departments' | 'people') => {
    const name = kind === 'departments' ? directory.departmentName(id) : directory.personName(id);
    if (name) return name;
    if (read && row.toCreate[kind].includes(read))
      return <Tag color="orange">{t('owners.toCreate', { name: read })}</Tag>;
    if (read && row.unknown[kind].includes(read)) return <Tag color="red">{t('owners.unmatched', { name: read })}</Tag>;
    return '—';
  };
  const names = (ids: string[], nameOf: (id: string) => string) => ids.map(nameOf).join('、') || '—';

  const columns: ColumnsType<Assignment> = [
    { title: t('owners.measure'), width: 70, render: (_: unknown, row) => keyOf(row) },
    { title: t('ledger.measure'), dataIndex: 'text', ellipsis: true },
    {
      title: t('measure.leadDepartment'),
      width: 140,
      render: (_: unknown, row) =>
        owner(row.assignment.leadDepartmentId, row.read?.leadDepartments?.[0], row, 'departments'),
    },
    {
      title: t('measure.cooperatingDepartments'),
      width: 140,
      render: (_: unknown, row) => names(row.assignment.cooperatingDepartmentIds, directory.departmentName),
    },
    {
      title: t('measure.leader'),
      width: 140,
      render: (_: unknown, row) => (
        <>
          {owner(row.assignment.responsibleLeaderId, row.read?.leaders?.[0], row, 'people')}
          {row.assignment.coLeaderIds.length > 0 && (
            <Typography.Text type="secondary">
              {' '}
              +{names(row.assignment.coLeaderIds, directory.personName)}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('measure.dueAt'),
      width: 120,
      render: (_: unknown, row) =>
        row.assignment.dueAt
          ? formatDate(row.assignment.dueAt)
          : row.assignment.kind && row.assignment.kind !== 'deadline'
            ? t(`kind.${row.assignment.kind}`)
            : '—',
    },
    {
      title: t('owners.missing'),
      width: 150,
      render: (_: unknown, row) =>
        row.missing.length === 0 ? (
          <Tag color="green">{t('owners.complete')}</Tag>
        ) : (
          <span data-testid={`owners-missing-${keyOf(row)}`}>
            {row.missing.map((field) => (
              <Tag key={field} color="red">
                {t(`owners.field.${field}`)}
              </Tag>
            ))}
          </span>
        ),
    },
    {
      title: '',
      width: 130,
      render: (_: unknown, row) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => setTarget({ measures: [row], label: keyOf(row) })}
            data-testid={`owners-edit-${keyOf(row)}`}
          >
            {t('owners.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() =>
              setTarget({
                problemNumber: row.problemNumber,
                label: t('owners.problem', { number: row.problemNumber }),
              })
            }
            data-testid={`owners-problem-${keyOf(row)}`}
          >
            {t('owners.wholeProblem')}
          </Button>
        </Space>
      ),
    },
  ];

  const chosen = rows.filter((row) => selected.includes(keyOf(row)));
  return (
    <Card
      size="small"
      title={t('owners.title', { count: rows.length, missing: rows.filter((row) => row.missing.length).length })}
      extra={
        <Button
          disabled={chosen.length === 0}
          onClick={() => setTarget({ measures: chosen, label: t('owners.selection', { count: chosen.length }) })}
          data-testid="owners-edit-selected"
        >
          {t('owners.editSelected', { count: chosen.length })}
        </Button>
      }
      data-testid="import-owners"
    >
      <Table
        size="small"
        rowKey={keyOf}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        // Sideways scrolling only where the columns do not fit: a scrolling table repeats its select-all
        // checkbox in a hidden measuring row (antd's), which assistive technology should not reach.
        scroll={screens.lg ? undefined : { x: 1000 }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          // A checkbox alone in its cell has no label of its own (antd's type leaves out the aria
          // attributes its checkbox passes on to the input).
          getCheckboxProps: () => ({ 'aria-label': t('ledger.select') }) as Partial<CheckboxProps>,
        }}
      />
      {target && (
        <OwnerEditDialog
          target={target}
          directory={directory}
          busy={edit.busy}
          onSave={edit.assign}
          onClose={() => setTarget(null)}
        />
      )}
    </Card>
  );
}
