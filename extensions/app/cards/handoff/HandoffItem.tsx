import React from 'react';
import { Button, DateInput, Flex, Select, StatusTag, Text, TextArea, Tile } from '@hubspot/ui-extensions';
import type { HandoffFieldView, HandoffItemView } from '../../../../src/server/card-api-types';
import { formatDate, type Locale, type Text as Words } from '../lib/i18n';

const STATUS_VARIANT = { incomplete: 'default', filled: 'info', accepted: 'success', question: 'warning' } as const;

export interface ItemControls {
  /** Sales may edit the values (and answer a question). */
  editing: boolean;
  /** The viewer may accept the item or ask about it. */
  reviewing: boolean;
  busy: boolean;
  values: Record<string, string>;
  answer: string;
  question: string;
  onValue: (field: string, value: string) => void;
  onAnswer: (text: string) => void;
  onQuestion: (text: string) => void;
  onAccept: () => void;
  onAsk: () => void;
}

/** One checklist item: its fields, its status, the questions and answers about it, and what the viewer can do. */
export function HandoffItem({ item, c, t, locale }: { item: HandoffItemView; c: ItemControls; t: Words; locale: Locale }) {
  return (
    <Tile compact testId={`item-${item.key}`}>
      <Flex direction="column" gap="xs">
        <Flex direction="row" gap="sm" align="center">
          <Text format={{ fontWeight: 'bold' }}>{item.required ? `${item.label} (${t.required})` : item.label}</Text>
          <StatusTag variant={STATUS_VARIANT[item.status]} testId={`status-${item.key}`}>
            {t.itemStatus[item.status] ?? item.status}
          </StatusTag>
        </Flex>
        {item.fields.map((f) => (c.editing ? <FieldInput key={f.name} field={f} item={item.key} value={c.values[f.name] ?? ''} onChange={(v) => c.onValue(f.name, v)} /> : <FieldValue key={f.name} field={f} multi={item.fields.length > 1} locale={locale} />))}
        {item.thread.map((entry, i) => (
          <Text key={i} variant="microcopy">{`${entry.by ?? ''}${entry.kind === 'question' ? ' ?' : ':'} ${entry.text}`}</Text>
        ))}
        {c.editing && item.status === 'question' ? (
          <TextArea label={t.yourAnswer} name={`answer-${item.key}`} testId={`answer-${item.key}`} value={c.answer} onChange={c.onAnswer} />
        ) : null}
        {c.reviewing ? (
          <Flex direction="column" gap="xs">
            {item.status === 'filled' ? (
              <Button size="sm" variant="primary" disabled={c.busy} onClick={() => c.onAccept()} testId={`accept-${item.key}`}>
                {t.accept}
              </Button>
            ) : null}
            <TextArea label={t.yourQuestion} name={`question-${item.key}`} testId={`question-${item.key}`} value={c.question} onChange={c.onQuestion} />
            <Button size="sm" disabled={c.busy || c.question.trim() === ''} onClick={() => c.onAsk()} testId={`ask-${item.key}`}>
              {t.ask}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Tile>
  );
}

function FieldInput({ field, item, value, onChange }: { field: HandoffFieldView; item: string; value: string; onChange: (v: string) => void }) {
  const name = `${item}.${field.name}`;
  if (field.type === 'enum') {
    return <Select label={field.label} name={name} testId={`field-${field.name}`} value={value} options={field.options ?? []} onChange={(v) => onChange(String(v))} />;
  }
  if (field.type === 'date') {
    const [y, m, d] = value.split('-').map(Number);
    return (
      <DateInput
        label={field.label}
        name={name}
        testId={`field-${field.name}`}
        format="YYYY-MM-DD"
        value={value ? { year: y!, month: m! - 1, date: d! } : undefined}
        onChange={(v) => onChange(v ? `${v.year}-${String(v.month + 1).padStart(2, '0')}-${String(v.date).padStart(2, '0')}` : '')}
      />
    );
  }
  return <TextArea label={field.label} name={name} testId={`field-${field.name}`} value={value} maxLength={2000} onChange={onChange} />;
}

function FieldValue({ field, multi, locale }: { field: HandoffFieldView; multi: boolean; locale: Locale }) {
  const shown = field.type === 'enum' ? (field.options?.find((o) => o.value === field.value)?.label ?? field.value) : field.type === 'date' ? formatDate(field.value ? `${field.value}T12:00:00Z` : null, locale) : field.value;
  return <Text testId={`value-${field.name}`}>{multi ? `${field.label}: ${shown || '—'}` : shown || '—'}</Text>;
}
