import type { Playbook } from './playbook-schema.js';

/** The default playbooks mark the stories they ship with "Example –" / "Esempio –": not real clients. */
const EXAMPLE_MARK = /^\s*(example|esempio)\b/i;

export interface ExampleContent {
  where: string;
  title: string;
}

/** The example content still in a playbook, which clients would read as if it were true: replace it before going live. */
export function exampleContent(playbook: Playbook): ExampleContent[] {
  return Object.entries(playbook.caseHistories).flatMap(([remorse, stories]) =>
    (stories ?? []).filter((s) => EXAMPLE_MARK.test(s.title)).map((s) => ({ where: `caseHistories.${remorse}`, title: s.title })),
  );
}
