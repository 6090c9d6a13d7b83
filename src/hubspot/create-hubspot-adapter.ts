import { createHubSpotHttp, type HubSpotHttpSettings } from './hubspot-http.js';
import type { HubSpotPort } from './hubspot-port.js';
import { readDeals } from './read-deals.js';
import { closeTasks, readTaskCompletions, TASKS } from './tasks.js';
import { listOwners, readOwners } from './owners.js';
import { readPipelines } from './deals-and-pipelines.js';
import { NOTES } from './notes.js';
import { updateNotes } from './note-updates.js';
import { createMarked, findMarked } from './marked-objects.js';
import { readObjects, updateObjects } from './objects.js';
import { createProperties, createPropertyGroup, readProperties, readPropertyGroups, updatePropertyOptions } from './properties.js';
import { searchDealsModifiedSince } from './search-deals.js';
import { searchDealEngagements } from './deal-engagements.js';
import { readTokenInfo } from './token-info.js';
import { completeWorkflowCallback } from './workflow-callbacks.js';
import { readContacts } from './contacts.js';
import { LOGGED_EMAILS } from './emails.js';
import { readRecordQuickly, type QuickReadSettings } from './quick-read.js';

/** The card's quick reads share the token and base URL, and take from the budget only what it has now. */
export function createHubSpotAdapter(settings: HubSpotHttpSettings & Pick<QuickReadSettings, 'tryCall' | 'quickReadMs'>): HubSpotPort {
  const request = createHubSpotHttp(settings);
  return {
    dryRun: false,
    readDeals: (ids) => readDeals(request, ids),
    createTasks: (tasks) => createMarked(request, TASKS, tasks),
    findTasksByMarker: (dealId, markers) => findMarked(request, TASKS, dealId, markers),
    closeTasks: (taskIds) => closeTasks(request, taskIds),
    readTaskCompletions: (taskIds) => readTaskCompletions(request, taskIds),
    readOwners: (ids) => readOwners(request, ids),
    listOwners: (after) => listOwners(request, after),
    updateDeals: (updates) => updateObjects(request, 'deals', updates),
    updateCompanies: (updates) => updateObjects(request, 'companies', updates),
    readPipelines: () => readPipelines(request),
    createNotes: (notes) => createMarked(request, NOTES, notes),
    findNotesByMarker: (dealId, markers) => findMarked(request, NOTES, dealId, markers),
    updateNotes: (updates) => updateNotes(request, updates),
    readContacts: (ids) => readContacts(request, ids),
    logEmails: (emails) => createMarked(request, LOGGED_EMAILS, emails),
    findEmailsByMarker: (dealId, markers) => findMarked(request, LOGGED_EMAILS, dealId, markers),
    readObjects: (objectType, ids, properties) => readObjects(request, objectType, ids, properties),
    readProperties: (objectType) => readProperties(request, objectType),
    readPropertyGroups: (objectType) => readPropertyGroups(request, objectType),
    updatePropertyOptions: (objectType, name, options) => updatePropertyOptions(request, objectType, name, options),
    createPropertyGroup: (objectType, group) => createPropertyGroup(request, objectType, group),
    createProperties: (objectType, definitions) => createProperties(request, objectType, definitions),
    searchDealEngagements: (query) => searchDealEngagements(request, query),
    searchDealsModifiedSince: (query) => searchDealsModifiedSince(request, query),
    readTokenInfo: () => readTokenInfo(request, settings.accessToken),
    completeWorkflowCallback: (callbackId, outputFields) => completeWorkflowCallback(request, callbackId, outputFields),
    readRecordQuickly: (objectType, id, properties) => readRecordQuickly(settings, objectType, id, properties),
  };
}
