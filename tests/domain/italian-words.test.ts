import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HANDOFF_ITEMS, HANDOFF_STATUS_LABELS } from '../../src/domain/handoff-items.js';
import { ACCOMPLISH_OUTCOMES, outcomeTask, pmRecordNote } from '../../src/domain/pm-records.js';
import { WORKFLOW_ERRORS_IT } from '../../src/domain/workflow-actions.js';
import { first100Properties } from '../../src/hubspot/first100-properties.js';

/**
 * The Italian a HubSpot user or a client reads must read as written by an Italian B2B professional: HubSpot's own
 * Italian interface says "trattativa" (not "deal"), a survey is a "sondaggio" everywhere, and the calques of the
 * first drafts are gone. Client-facing register (voi) is checked by tests/email/client-words.test.ts.
 */
const OLD_WORDS: [RegExp, string][] = [
  [/(?<!\p{L})deals?(?!\p{L})/iu, 'deal → trattativa, as HubSpot\'s Italian interface says'],
  [/è probabile che consiglier/iu, 'a calque of "how likely is it that you would recommend"'],
  [/consiglieresti/iu, 'tu, and a calque'],
  [/(?<!\p{L})referenz[ae](?!\p{L})/iu, '"referenza" is a reference letter; a referral is a "segnalazione" or "passaparola"'],
  [/(?<!\p{L})Senti(?!\p{L})[^.\n]*silenzios/iu, '"Senti … se è diventato silenzioso": a calque of "check in if they have gone quiet"'],
  [/ha chiesto di (?=\p{Lu})/u, '"ha chiesto di Obiettivi": a question is asked "su" an item'],
  [/questionari/iu, 'one word for a survey: "sondaggio"'],
];

/** Strips what is not Italian prose: placeholders, property and step ids. */
const prose = (text: string) => text.replace(/\{\{deal\.name\}\}|first100_\w+|\bdeal_\w+|\w+_deal\b/g, '');

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function files(dir: string, ending: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ending) : path.endsWith(ending) ? [path] : [];
  });
}

/** The Italian labels of every app component's -hsmeta.json (workflow actions, cards, app). */
function hsmetaItalian(): { where: string; text: string }[] {
  return files('extensions/app', '-hsmeta.json').flatMap((path) => {
    const italian: unknown[] = [];
    const walk = (o: unknown): void => {
      if (!o || typeof o !== 'object') return;
      for (const [k, v] of Object.entries(o)) (k === 'it' ? italian.push(v) : walk(v));
    };
    walk(JSON.parse(readFileSync(path, 'utf8')));
    return strings(italian).map((text) => ({ where: path, text }));
  });
}

/** The string literals of `it:` entries and of the cards' Italian word list, as the source holds them. */
function sourceItalian(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const path of [...files('src', '.ts'), ...files('extensions/app/cards', '.ts'), ...files('extensions/app/cards', '.tsx')]) {
    const source = readFileSync(path, 'utf8');
    for (const m of source.matchAll(/\bit:\s*(?:\([^)]*\)\s*=>\s*)?(['"`])((?:\\.|(?!\1).)*)\1/g)) out.push({ where: path, text: m[2]! });
    // Ternaries by locale: `en ? 'English' : 'Italiano'` and `locale === 'it' ? 'Italiano' : 'English'`.
    for (const m of source.matchAll(/\ben \? '(?:\\.|[^'])*' : '((?:\\.|[^'])*)'/g)) out.push({ where: path, text: m[1]! });
    for (const m of source.matchAll(/=== 'it' \? '((?:\\.|[^'])*)'/g)) out.push({ where: path, text: m[1]! });
  }
  // The app pages' and the settings page's Italian: each `const it` object literal, up to its closing line.
  for (const path of ['extensions/app/pages/lib/words.ts', 'extensions/app/settings/lib/words.ts', 'extensions/app/pages/lib/backend.ts', 'extensions/app/settings/lib/backend.ts']) {
    const source = readFileSync(path, 'utf8');
    const start = source.indexOf('const it');
    const block = source.slice(start, source.indexOf('\n};', start));
    for (const m of block.matchAll(/(['`])((?:\\.|(?!\1).)*)\1/g)) out.push({ where: `${path} (it)`, text: m[2]! });
  }
  const cards = readFileSync('extensions/app/cards/lib/i18n.ts', 'utf8');
  const italianBlock = cards.slice(cards.indexOf('const it'), cards.indexOf('export const TEXT'));
  for (const m of italianBlock.matchAll(/(['`])((?:\\.|(?!\1).)*)\1/g)) out.push({ where: 'extensions/app/cards/lib/i18n.ts (it)', text: m[2]! });
  return out;
}

function italianTeamTexts(): { where: string; text: string }[] {
  const props = first100Properties('it');
  return [
    ...hsmetaItalian(),
    ...sourceItalian(),
    { where: 'playbooks/default.it.yml', text: readFileSync('playbooks/default.it.yml', 'utf8') },
    ...Object.values(WORKFLOW_ERRORS_IT).map((text) => ({ where: 'WORKFLOW_ERRORS_IT', text })),
    ...[...props.deals, ...props.companies].flatMap((p) => [p.label, ...(p.options ?? []).map((o) => o.label)]).map((text) => ({ where: 'first100 properties (it)', text })),
    ...strings(HANDOFF_ITEMS.map((i) => [i.label.it, i.fields.map((f) => f.label.it)])).map((text) => ({ where: 'handoff items', text })),
    ...Object.values(HANDOFF_STATUS_LABELS).map((l) => ({ where: 'handoff status', text: l.it })),
    ...ACCOMPLISH_OUTCOMES.flatMap((o) => [outcomeTask(o, 'Rossi Meccanica', 'it'), pmRecordNote({ kind: 'accomplish_outcome', value: o, note: '' }, 'pm@studio.example', 'it')]).flatMap((t) => strings(t)).map((text) => ({ where: 'PM records', text })),
  ];
}

describe('the Italian a user or a client reads', () => {
  it('finds Italian to check in every place it lives', () => {
    const texts = italianTeamTexts();
    for (const place of ['move-phase-hsmeta.json', 'send-survey-hsmeta.json', 'i18n.ts (it)', 'default.it.yml', 'WORKFLOW_ERRORS_IT', 'first100 properties (it)', 'src/email/templates/', 'PM records', 'pages/lib/words.ts (it)', 'settings/lib/words.ts (it)', 'pages/lib/backend.ts (it)']) {
      expect(texts.some((t) => t.where.includes(place)), place).toBe(true);
    }
    expect(texts.length).toBeGreaterThan(300);
  });

  it('holds none of the old words: "deal", the calques, "questionario"', () => {
    const found = italianTeamTexts().flatMap(({ where, text }) =>
      OLD_WORDS.flatMap(([pattern, why]) => (pattern.test(prose(text)) ? [`${where}: "${prose(text).match(pattern)![0]}" (${why})`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('would catch each of them (the patterns are not vacuous)', () => {
    const old = [
      'HubSpot non ha questo deal (eliminato o unito)',
      'Quanto è probabile che consiglieresti Studio Bianchi a un amico?',
      'Chiedi una referenza al cliente',
      'Senti Rossi Meccanica se è diventato silenzioso',
      'Giulia ha chiesto di Obiettivi: quali sono?',
      'Compila il questionario',
    ];
    expect(old.map((text) => OLD_WORDS.some(([pattern]) => pattern.test(prose(text))))).toEqual(old.map(() => true));
    expect(prose('Completa la checklist per {{deal.name}} (first100_deal_stage)')).not.toMatch(OLD_WORDS[0]![0]);
  });
});
