import { normaliseBaseUrl } from '../../scripts/project-urls.mjs';
import { defineCommand, UsageError } from './command.js';
import { writeProjectSettings } from './project-url-writer.js';

export const projectCli = defineCommand({
  name: 'project',
  summary: 'project set-url <url>: point every URL of the HubSpot project at your server',
  synopsis: 'first100 project set-url <https://your-server>',
  help: `set-url writes the server's address into every place of the HubSpot project in extensions/: the URL the
cards call (BACKEND_URL), the app's permitted fetch URL and support links, the webhook target and each workflow
action's URL, with a trailing slash or path refused. Then upload it: hs project upload. Set PUBLIC_BASE_URL
to the same address (first100 doctor and npm run check:hubspot refuse any disagreement).
`,
  options: {},
  positionals: { max: 2 },
  async run({ positionals }, io) {
    const [action, url] = positionals;
    if (action !== 'set-url') throw new UsageError(action === undefined ? 'say what to do: set-url <url>' : `unknown action "${action}"`);
    if (url === undefined) throw new UsageError('set-url needs the address, e.g. https://onboarding.acme.com');
    let base: string;
    try {
      base = normaliseBaseUrl(url);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const changed = await writeProjectSettings(io.projectDir, { baseUrl: base });
    io.out(changed.length > 0 ? `set ${base} in ${changed.join(', ')}` : `the HubSpot project already points at ${base}`);
    io.out(`Now: hs project upload, and PUBLIC_BASE_URL=${base} in .env`);
    return 0;
  },
});
