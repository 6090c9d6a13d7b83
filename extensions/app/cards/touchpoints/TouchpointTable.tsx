import React from 'react';
import { StatusTag, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { TouchpointView } from '../../../../src/server/card-api-types';
import type { TouchpointWords } from './words';

type Row = TouchpointView & { dealId?: string; dealName?: string };

/** Per touchpoint, the team's view beside the client's, both on the touchpoint's scale; a gap of 2 points or more is flagged. */
export function TouchpointTable({ rows, w, testId }: { rows: Row[]; w: TouchpointWords; testId: string }) {
  const withDeal = rows.some((r) => r.dealName !== undefined);
  return (
    <Table density="condensed" testId={testId}>
      <TableHead>
        <TableRow>
          {withDeal ? <TableHeader>{w.deal}</TableHeader> : null}
          <TableHeader>{w.touchpoint}</TableHeader>
          <TableHeader>{w.clientView}</TableHeader>
          <TableHeader>{w.teamView}</TableHeader>
          <TableHeader>{w.gap}</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={`${r.dealId ?? ''}:${r.survey}:${r.touchpoint}`}>
            {withDeal ? <TableCell>{r.dealName}</TableCell> : null}
            <TableCell>{`${r.touchpoint} (${r.scale})`}</TableCell>
            <TableCell>{r.client ? `${r.client.label} · ${w.answers(r.client.count)}` : w.notAnswered}</TableCell>
            <TableCell>{r.team ? `${r.team.label} · ${w.raters(r.team.count)}` : w.notRated}</TableCell>
            <TableCell>
              {r.gap?.flagged ? (
                <StatusTag variant="danger" testId="gap-flag">
                  {w.flagged}
                </StatusTag>
              ) : null}
              <Text>{r.gap?.text ?? ''}</Text>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
