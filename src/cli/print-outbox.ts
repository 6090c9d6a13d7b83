import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readOutboxMessage, surveyLinksIn } from '../email/outbox-reader.js';

/** Lists the messages in the outbox: file, recipient, subject, and the survey link when there is one. */
export async function printOutbox(dir: string, print: (line: string) => void): Promise<void> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  print(`Outbox ${dir} (no SMTP_URL: emails are written here as .eml files): ${files.length} emails`);
  for (const file of files) {
    const message = await readOutboxMessage(join(dir, file));
    const survey = surveyLinksIn(message.text).survey;
    print(`  ${file}  to ${message.headers.to ?? '?'}  "${message.headers.subject ?? ''}"${survey ? `  survey ${survey}` : ''}`);
  }
}
