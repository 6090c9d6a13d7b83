import { BarChart, LineChart, Table, TableRow } from '@hubspot/ui-extensions';
import type { createRenderer } from '@hubspot/ui-extensions/testing';
import { textOf } from '../cards/render-helpers';

type Rendered = ReturnType<typeof createRenderer>;

/**
 * A plain-text picture of a rendered page, drawn from the rendered tree itself (the table rows as the page shows
 * them, the charts from the data they were given). README.md shows these pictures; tests/pages/readme-pictures
 * checks that README still matches what the pages render.
 */
export function tablePicture(r: Rendered, testId: string): string {
  const table = r.findByTestId(Table, testId);
  return table.findAll(TableRow).map((row) => row.childNodes.map((cell) => textOf(cell as never).replace(/\s+/g, ' ').trim()).join(' | ')).join('\n');
}

/** A horizontal bar per row of a bar chart's data: `x (group) ███ n`. */
export function barChartPicture(r: Rendered, testId: string): string {
  const chart = r.findByTestId(BarChart, testId);
  const { x, y, options } = chart.props.axes;
  const group = options?.groupFieldByColor;
  const rows = chart.props.data as Record<string, string | number>[];
  return rows.map((row) => `${String(row[x.field]).padEnd(11)} ${group ? `${String(row[group]).padEnd(16)}` : ''}${'█'.repeat(Number(row[y.field]) * 4)} ${row[y.field]}`).join('\n');
}

/** A line chart's points per series, in order: `series: x=y, x=y`. */
export function lineChartPicture(r: Rendered, testId: string): string {
  const chart = r.findByTestId(LineChart, testId);
  const { x, y, options } = chart.props.axes;
  const series = new Map<string, string[]>();
  for (const row of chart.props.data as Record<string, string | number>[]) {
    const key = String(row[options?.groupFieldByColor ?? ''] ?? '');
    series.set(key, [...(series.get(key) ?? []), `${row[x.field]} → ${row[y.field]}`]);
  }
  return [...series].map(([name, points]) => `${name}: ${points.join(', ')}`).join('\n');
}
