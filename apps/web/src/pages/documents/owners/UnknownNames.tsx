import { Button, Card, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api';
import type { Directory } from '../../../directory';
import { Draft, useDraftEdit } from './useDraftEdit';

type Resolution = Schemas['NameResolutionResponse'];
type Kind = 'departments' | 'people';

/**
 * Names the plan reads that match nobody (or several people of that name): each is mapped to an
 * existing department or person, or marked to be created at the commit; a choice can be undone.
 */
export function UnknownNames({
  draft,
  directory,
  onDraft,
}: {
  draft: Draft;
  directory: Directory;
  onDraft: (draft: Draft) => void;
}) {
  const { t } = useTranslation();
  const edit = useDraftEdit(draft.id, onDraft);
  const open = (kind: Kind) => draft.names[kind].filter((item) => item.status !== 'matched');
  const items = [
    ...open('departments').map((item) => ({ kind: 'departments' as const, item })),
    ...open('people').map((item) => ({ kind: 'people' as const, item })),
  ];
  if (items.length === 0) return null;

  const options = (kind: Kind, item: Resolution) => {
    const all = kind === 'departments' ? directory.departmentOptions : directory.personOptions;
    // Several people of this name: those first.
    const candidates = item.candidates.map((candidate) => ({ value: candidate.id, label: candidate.name }));
    const ids = new Set(candidates.map((candidate) => candidate.value));
    return [...candidates, ...all.filter((option) => !ids.has(option.value))];
  };
  const label = (kind: Kind, id: string | null) =>
    kind === 'departments' ? directory.departmentName(id) : directory.personName(id);

  return (
    <Card
      size="small"
      title={t('owners.namesTitle', {
        count: items.filter(({ item }) => ['unknown', 'ambiguous'].includes(item.status)).length,
      })}
      data-testid="unknown-names"
    >
      <List
        size="small"
        dataSource={items}
        renderItem={({ kind, item }) => (
          <List.Item data-testid={`name-${item.name}`}>
            <Space wrap>
              <Typography.Text strong>{item.name}</Typography.Text>
              <Tag>{t(kind === 'departments' ? 'owners.aDepartment' : 'owners.aPerson')}</Tag>
              <Tag color={item.status === 'unknown' || item.status === 'ambiguous' ? 'red' : 'blue'}>
                {t(`owners.status.${item.status}`, { name: label(kind, item.id) })}
              </Tag>
              {item.status !== 'create' && (
                <Select
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('owners.mapTo')}
                  // The placeholder goes once a name is mapped; the label says which name this is for.
                  aria-label={t('owners.mapToLabel', { name: item.name })}
                  value={item.status === 'mapped' ? (item.id ?? undefined) : undefined}
                  options={options(kind, item)}
                  onChange={(id: string) => void edit.names({ [kind]: [{ name: item.name, id }] })}
                  style={{ width: 200 }}
                  disabled={edit.busy}
                  data-testid={`map-${item.name}`}
                />
              )}
              {item.status === 'create' || item.status === 'mapped' ? (
                <Button size="small" onClick={() => void edit.names({ [kind]: [{ name: item.name }] })}>
                  {t('owners.undo')}
                </Button>
              ) : (
                <Button
                  size="small"
                  onClick={() => void edit.names({ [kind]: [{ name: item.name, create: true }] })}
                  disabled={edit.busy}
                  data-testid={`create-${item.name}`}
                >
                  {t('owners.create')}
                </Button>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
