import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';
import { PHASES } from '../../src/domain/phases.js';
import { ACTION_INPUTS, WORKFLOW_ACTIONS, WORKFLOW_ERRORS, WORKFLOW_ERRORS_IT, WORKFLOW_OUTCOMES, successOutputs } from '../../src/domain/workflow-actions.js';
import { first100Properties } from '../../src/hubspot/first100-properties.js';

const repo = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(repo, path), 'utf8');
const workflowsSection = read('README.md').split('\n## Workflows\n')[1]!.split('\n## ')[0]!;
const actionsDir = 'extensions/app/workflow-actions';
const definitions = Object.fromEntries(
  readdirSync(join(repo, actionsDir)).map((f) => [f.replace('-hsmeta.json', ''), JSON.parse(read(`${actionsDir}/${f}`)).config]),
);
const properties = first100Properties('en');
const property = (name: string) => properties.deals.find((p) => p.name === name);

describe('the README\'s workflow recipes name what first100 defines and writes', () => {
  it('every first100_* property the recipes name is one `first100 setup` creates', () => {
    const named = new Set(workflowsSection.match(/first100_[a-z_]+/g));
    expect(named.size).toBeGreaterThanOrEqual(10);
    const defined = new Set([...properties.deals, ...properties.companies].map((p) => p.name));
    expect([...named].filter((n) => !defined.has(n))).toEqual([]);
  });

  it('recipes 2 and 3 branch on health values first100_health has: at_risk and silent', () => {
    const values = property('first100_health')!.options!.map((o) => [o.value, o.label]);
    expect(values).toEqual(expect.arrayContaining([['at_risk', 'At risk'], ['silent', 'Silent']]));
    expect(workflowsSection).toContain('`At risk` (`at_risk`)');
    expect(workflowsSection).toContain('`Silent` (`silent`)');
  });

  it('recipe 4 compares the last NPS, a number on its own scale, and the advocate phase asks for a referral', () => {
    expect(property('first100_last_nps')).toMatchObject({ type: 'number', label: 'Last NPS 0–10' });
    expect(workflowsSection).toContain('`Last NPS 0–10` (`first100_last_nps`) *is greater than or equal to* `9`');
    expect(property('first100_health_reasons')).toMatchObject({ label: 'Onboarding health reasons' });
    for (const file of ['playbooks/default.en.yml', 'playbooks/default.it.yml']) {
      const advocate = parsePlaybook(read(file), file).phases.advocate!;
      expect(advocate.emails.map((e) => e.template)).toContain('referral-ask');
      expect(advocate.tasks.map((t) => t.id)).toContain('ask-for-referral');
    }
  });

  it('recipe 1 hands the Project manager property, an owner, to the action\'s owner input', () => {
    expect(property('first100_pm_owner')).toMatchObject({ referencedObjectType: 'OWNER', label: 'Project manager' });
    expect(definitions['start-onboarding'].inputFields[0].typeDefinition).toMatchObject({ name: 'pm_owner', referencedObjectType: 'OWNER' });
    expect(definitions['start-onboarding'].inputFields[0].supportedValueTypes).toContain('OBJECT_PROPERTY');
  });

  it('the outcomes the README lists are exactly those the actions can answer (WORKFLOW_OUTCOMES types every one they produce)', () => {
    const listed = workflowsSection.match(/`outcome` \(([^)]+)\)/)![1]!.match(/`([a-z_]+)`/g)!.map((v) => v.replace(/`/g, ''));
    expect(listed.sort()).toEqual(Object.values(WORKFLOW_OUTCOMES).flat().sort());
  });

  it('the outcomes recipes 1 and 4 branch on are the ones of the action they follow', () => {
    expect(workflowsSection).toMatch(/`outcome` \*is equal to\* `started`/);
    expect(WORKFLOW_OUTCOMES['start-onboarding']).toContain('started');
    expect(workflowsSection).toMatch(/Branch on `outcome` = `already_there`/);
    expect(WORKFLOW_OUTCOMES['move-phase']).toContain('already_there');
  });
});

describe('the action definitions HubSpot shows match what the server reads and answers', () => {
  it('one definition per action the server serves, on deals, at its own URL', () => {
    expect(Object.keys(definitions).sort()).toEqual([...WORKFLOW_ACTIONS].sort());
    for (const [name, config] of Object.entries(definitions)) {
      expect(config.actionUrl).toBe(`https://first100.example.com/api/workflow-actions/${name}`);
      expect(config.objectTypes).toEqual(['DEAL']);
      expect(config.supportedClients).toEqual([{ client: 'WORKFLOWS' }]);
    }
  });

  it('inputs are the ones the server parses, phases are first100\'s 8, and each input and output is labelled in en and it', () => {
    for (const name of WORKFLOW_ACTIONS) {
      const config = definitions[name];
      const inputs = config.inputFields.map((f: any) => f.typeDefinition.name);
      expect(inputs.sort()).toEqual(Object.keys(ACTION_INPUTS[name].shape).sort());
      for (const f of config.inputFields.filter((f: any) => ['phase', 'start_phase'].includes(f.typeDefinition.name))) {
        expect(f.typeDefinition.options.map((o: any) => o.value)).toEqual([...PHASES]);
      }
      const outputs = config.outputFields.map((f: any) => f.typeDefinition.name);
      expect(outputs).toEqual(expect.arrayContaining(Object.keys(successOutputs({ outcome: 'started', phase: null, tasksCreated: 0, handoffAccepted: false })).filter((k) => k !== 'hs_execution_state')));
      for (const locale of ['en', 'it']) {
        expect(Object.keys(config.labels[locale].inputFieldLabels).sort()).toEqual([...inputs].sort());
        expect(Object.keys(config.labels[locale].outputFieldLabels).sort()).toEqual([...outputs].sort());
      }
    }
  });

  it('every error code has an execution rule, with the server\'s own words in English and Italian', () => {
    for (const config of Object.values(definitions)) {
      const rules = Object.fromEntries(config.executionRules.map((r: any) => [r.conditions.errorCode, r.labelName]));
      expect(Object.keys(rules).sort()).toEqual(Object.keys(WORKFLOW_ERRORS).sort());
      for (const [code, label] of Object.entries(rules)) {
        expect(config.labels.en.executionRules[label as string]).toBe(WORKFLOW_ERRORS[code as keyof typeof WORKFLOW_ERRORS]);
        expect(config.labels.it.executionRules[label as string]).toBe(WORKFLOW_ERRORS_IT[code as keyof typeof WORKFLOW_ERRORS]);
      }
    }
  });
});
