/**
 * Every scope first100 asks HubSpot for, with the calls that need it. The scope an endpoint takes is the `security`
 * of that endpoint in HubSpot's OpenAPI specs (HubSpot/HubSpot-public-api-spec-collection, PublicApiSpecs/CRM/...,
 * Automation/Actions V4). extensions/app/app-hsmeta.json requests exactly these (tests/hubspot/app-scopes.test.ts),
 * and `first100 doctor` says why a missing one matters.
 *
 * Not asked for, because no call needs them: `crm.schemas.{deals,companies}.read` (the property, group and pipeline
 * reads also accept the object read scopes below).
 */
export const SCOPES = {
  oauth: "HubSpot's own template for a static-auth app asks for it",
  'crm.objects.deals.read': 'reading deals, their pipelines and properties, and searching the deals changed since a moment',
  'crm.objects.deals.write': 'writing the first100 deal properties (phase, health, handoff)',
  'crm.objects.companies.read': 'reading each deal\'s company (its name and first100 properties) and the company card\'s deals',
  'crm.objects.companies.write': 'writing the first100 company properties (phase, health, segment)',
  'crm.objects.contacts.read': 'reading the deal\'s contacts for emails; finding first100\'s tasks, notes and logged emails by their marker; searching the deal\'s calls, meetings and incoming emails for the silent-client sweep; the webhook subscriptions, which HubSpot\'s webhooks guide ties to it',
  'crm.objects.contacts.write': 'creating tasks and notes, updating the note of a changed survey answer, and logging sent emails: HubSpot files these engagements under the contacts scope',
  'crm.schemas.deals.write': '"first100 setup" creating the first100 deal properties and their group',
  'crm.schemas.companies.write': '"first100 setup" creating the first100 company properties and their group',
  'crm.objects.owners.read': 'naming the project manager and the rep who closed in the introduction email and on the client\'s page, and finding the signed-in user\'s deals for "My onboardings" (HubSpot\'s owners, read when an email is prepared and by the daily owners refresh)',
  automation: 'completing the custom workflow actions first100 answered later (the callbacks API)',
  // The emails search also accepts crm.objects.contacts.read (spec); whether HubSpot returns an email's text to a
  // token without this scope is not documented (UNCONFIRMED), and the marker search needs that text.
  'sales-email-read': 'reading back the text of emails first100 logged, to find its marker after an unanswered log call',
} as const;

export type Scope = keyof typeof SCOPES;

export function isScope(value: string): value is Scope {
  return Object.hasOwn(SCOPES, value);
}
