import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlaybook } from '../../src/cli/doctor-checks.js';
import { DEFAULT_PIPELINE } from '../../src/hubspot/dry-run-adapter.js';

async function playbookWith(edit: (text: string) => string, locale: 'en' | 'it' = 'en'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'first100-doctor-content-'));
  const path = join(dir, 'playbook.yml');
  await writeFile(path, edit(await readFile(`playbooks/default.${locale}.yml`, 'utf8')));
  return path;
}

const failures = async (path: string) => (await checkPlaybook(path, [DEFAULT_PIPELINE])).filter((r) => r.status === 'fail');

describe('first100 doctor on what clients read in the playbook', () => {
  for (const locale of ['en', 'it'] as const) {
    it(`fails (not warns) on the shipped ${locale} playbook: example stories and example terms`, async () => {
      const failed = await failures(await playbookWith((t) => t, locale));
      expect(failed.map((f) => f.check)).toEqual(Array(failed.length).fill('playbook content'));
      expect(failed.map((f) => f.detail)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^caseHistories\.capability: ".*" is a shipped example/),
          expect.stringMatching(/^caseHistories\.default: ".*" is a shipped example/),
          expect.stringMatching(/^remorseTerms\.product_doubt: still the shipped example/),
          expect.stringMatching(/^remorseTerms\.being_cheated: still the shipped example/),
        ]),
      );
    });
  }

  it('fails on empty or missing terms for "will it work?" and "was I cheated?"', async () => {
    const path = await playbookWith((t) => t.replace(/^\s*example: true\n/gm, '').replace(/\nremorseTerms:[\s\S]*$/, '\nremorseTerms:\n  product_doubt:\n    terms: "  "\n'));
    expect((await failures(path)).map((f) => f.detail)).toEqual([
      'remorseTerms.product_doubt: empty; write your guarantee or refund policy in plain words, as the reassurance email will say it',
      'remorseTerms.being_cheated: empty; write what you offer after the purchase (returns, free support, training) in plain words, as the reassurance email will say it',
    ]);
  });

  it('passes once the stories and terms are the adopter\'s own', async () => {
    const results = await checkPlaybook(await playbookWith((t) => t.replace(/^\s*example: true\n/gm, '')), [DEFAULT_PIPELINE]);
    expect(results.filter((r) => r.status !== 'ok')).toEqual([]);
    expect(results).toContainEqual({ check: 'playbook content', status: 'ok', detail: 'the stories and terms clients read are your own' });
  });
});
