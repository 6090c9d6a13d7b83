import React from 'react';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { NextStep } from '../../../../src/server/card-api-types';
import { formatDate, type Locale, type Text as Words } from '../lib/i18n';

function describe(step: NextStep, t: Words): { what: string; who: string } {
  if (step.kind === 'task') return { what: `${t.stepTask}: ${step.title ?? ''}`, who: t.assignees[step.assignee ?? 'unassigned'] ?? step.assignee ?? '' };
  if (step.kind === 'email') {
    const survey = step.survey ? `, ${t.survey(step.survey, step.touchpoint ?? '')}` : '';
    return { what: `${t.stepEmail}: ${step.template ?? ''}${survey}`, who: t.assignees.client! };
  }
  return { what: t.stepAdvance(step.toLabel ?? step.to ?? ''), who: '' };
}

/** The steps the current phase planned, by due date, with who does them. */
export function NextStepsTable({ steps, t, locale }: { steps: NextStep[]; t: Words; locale: Locale }) {
  if (steps.length === 0) return <Text testId="no-steps">{t.nothingPlanned}</Text>;
  return (
    <Table bordered={false} density="condensed" testId="next-steps">
      <TableHead>
        <TableRow>
          <TableHeader>{t.due}</TableHeader>
          <TableHeader>{t.what}</TableHeader>
          <TableHeader>{t.who}</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {steps.map((step, i) => {
          const { what, who } = describe(step, t);
          return (
            <TableRow key={i}>
              <TableCell>{formatDate(step.dueAt, locale)}</TableCell>
              <TableCell>{what}</TableCell>
              <TableCell>{who}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
