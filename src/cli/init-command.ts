import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { normaliseBaseUrl } from '../../scripts/project-urls.mjs';
import { ConfigError, loadConfig } from '../config.js';
import { CliError, defineCommand, UsageError, type CliIo } from './command.js';
import { setEnvValues } from './env-file.js';
import { writeProjectSettings } from './project-url-writer.js';

/** Your own playbook: a path git does not track (.gitignore), so `git pull` never conflicts with your edits. */
export const OWN_PLAYBOOK = 'playbooks/local/playbook.yml';

interface Question {
  flag: string;
  ask: string;
  fallback?: string;
  /** The setting the answer becomes, checked by the same rules as at start. */
  check(answer: string): string;
}

const QUESTIONS: Question[] = [
  { flag: 'url', ask: 'Public https address of this server, e.g. https://onboarding.acme.com', check: normaliseBaseUrl },
  { flag: 'portal-id', ask: 'HubSpot account id (the number in your HubSpot URLs)', check: (a) => setting('HUBSPOT_PORTAL_ID', a) },
  { flag: 'language', ask: 'Language of the playbook and emails, en or it', fallback: 'en', check: (a) => (a === 'en' || a === 'it' ? a : fail('the language is en or it')) },
  { flag: 'brand-name', ask: "Your company's name, as the emails say it", check: (a) => setting('EMAIL_BRAND_NAME', a) },
  { flag: 'brand-color', ask: 'Colour of the emails\' buttons and links, hex', fallback: '#1f6feb', check: (a) => setting('EMAIL_BRAND_COLOR', a) },
  { flag: 'from', ask: 'Sender of the emails, e.g. Acme Onboarding <onboarding@acme.com>', check: (a) => setting('EMAIL_FROM', a) },
];

export const initCli = defineCommand({
  name: 'init',
  summary: 'write .env, copy the playbook to your own, and point the HubSpot project at your URL',
  synopsis: 'first100 init [--url <https://…>] [--portal-id <id>] [--language en|it] [--brand-name <name>] [--brand-color <#hex>] [--from <sender>]',
  help: `The first step of an install. Asks for what it is not given as flags (or, without a terminal, says
which flags are missing), then:
  - writes .env (from .env.example; an existing .env keeps its other lines), readable by you only;
  - copies the default playbook of the language to ${OWN_PLAYBOOK}, which git does not track, and sets PLAYBOOK
    (an existing one is kept);
  - writes the URL into every place of the HubSpot project (first100 project set-url does this part alone) and
    the account id into hubspot.config.yml.
Then: upload the project (hs project upload), paste the token and secret into .env, run first100 setup.
`,
  options: Object.fromEntries(QUESTIONS.map((q) => [q.flag, { type: 'string' as const }])),
  async run({ values }, io) {
    const answers = await answer(values as Record<string, string | undefined>, io);
    const [url, portalId, language, brandName, brandColor, from] = QUESTIONS.map((q) => answers[q.flag]!);
    const playbook = await ownPlaybook(io, language!);
    const envPath = join(io.workDir, '.env');
    const existing = await readFile(envPath, 'utf8').catch(() => undefined);
    const template = existing ?? (await readFile(join(io.projectDir, '.env.example'), 'utf8'));
    const env = { PUBLIC_BASE_URL: url!, HUBSPOT_PORTAL_ID: portalId!, PLAYBOOK: playbook, EMAIL_BRAND_NAME: brandName!, EMAIL_BRAND_COLOR: brandColor!, EMAIL_FROM: from! };
    await writeFile(envPath, setEnvValues(template, env), { mode: 0o600 });
    io.out(`${existing === undefined ? 'wrote' : 'updated'} ${envPath}`);
    const changed = await writeProjectSettings(io.projectDir, { baseUrl: url!, portalId, supportEmail: from!.match(/<([^>]+)>/)?.[1] ?? from });
    io.out(changed.length > 0 ? `HubSpot project: set ${url} in ${changed.join(', ')}` : `HubSpot project: already points at ${url}`);
    io.out('');
    io.out('Next:');
    io.out('  1. hs project upload              (HubSpot CLI: npm install -g @hubspot/cli, then hs account auth)');
    io.out('  2. in HubSpot, Development → the app → Auth: paste the access token and the client secret into .env');
    io.out('     (HUBSPOT_ACCESS_TOKEN, HUBSPOT_CLIENT_SECRET), and set SMTP_URL');
    io.out('  3. first100 setup                 (creates the properties, maps the pipelines you pick)');
    io.out('  4. first100 start, then first100 doctor');
    return 0;
  },
});

async function answer(values: Record<string, string | undefined>, io: CliIo): Promise<Record<string, string>> {
  const answers: Record<string, string> = {};
  const missing = QUESTIONS.filter((q) => values[q.flag] === undefined && q.fallback === undefined);
  if (!io.ask && missing.length > 0) {
    throw new UsageError(`missing ${missing.map((q) => `--${q.flag}`).join(', ')} (give them as flags, or run init in a terminal to be asked)`);
  }
  for (const q of QUESTIONS) {
    const given = values[q.flag];
    if (given !== undefined || !io.ask) {
      answers[q.flag] = checked(q, given ?? q.fallback!, (message) => new UsageError(`--${q.flag}: ${message}`));
      continue;
    }
    for (let attempt = 1; answers[q.flag] === undefined; attempt++) {
      const reply = (await io.ask(`${q.ask}${q.fallback ? ` [${q.fallback}]` : ''}: `)).trim() || q.fallback || '';
      try {
        answers[q.flag] = checked(q, reply, (message) => new CliError(message));
      } catch (error) {
        if (attempt >= 3) throw error;
        io.out(`  ${(error as Error).message}`);
      }
    }
  }
  return answers;
}

function checked(q: Question, value: string, wrap: (message: string) => Error): string {
  try {
    return q.check(value);
  } catch (error) {
    throw wrap(error instanceof ConfigError ? error.problems.map((p) => p.replace(/^\w+: /, '')).join('; ') : (error as Error).message);
  }
}

/** One setting, checked by config.ts's own rules. */
function setting(name: string, value: string): string {
  if (value.trim() === '') fail('an answer is needed');
  loadConfig({ [name]: value }, 'tool');
  return value.trim();
}

function fail(message: string): never {
  throw new Error(message);
}

async function ownPlaybook(io: CliIo, language: string): Promise<string> {
  const target = join(io.workDir, OWN_PLAYBOOK);
  try {
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(io.projectDir, `playbooks/default.${language}.yml`), target, 1 /* COPYFILE_EXCL: never overwrite your playbook */);
    io.out(`copied playbooks/default.${language}.yml to ${OWN_PLAYBOOK}: edit it, git pull never touches it`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    io.out(`kept your playbook ${OWN_PLAYBOOK}`);
  }
  return OWN_PLAYBOOK;
}
