import { createHubSpotHttp, type HubSpotHttpSettings } from './hubspot-http.js';
import type { HubSpotPort } from './hubspot-port.js';
import { readDeals } from './read-deals.js';
import { createTasks, findTasksByMarker } from './tasks.js';
import { readPipelines, updateDeals } from './deals-and-pipelines.js';
import { createNotes, findNotesByMarker } from './notes.js';
import { updateNotes } from './note-updates.js';
import { readAssociatedIds, readObjects } from './objects.js';
import { createProperties, createPropertyGroup, readProperties, readPropertyGroups } from './properties.js';
import { searchDealsModifiedSince } from './search-deals.js';
import { searchDealEngagements } from './deal-engagements.js';
import { readTokenInfo } from './token-info.js';
import { updateCompanies } from './company-updates.js';
import { completeWorkflowCallback } from './workflow-callbacks.js';
import { readContacts } from './contacts.js';
import { findEmailsByMarker, logEmails } from './emails.js';

export function createHubSpotAdapter(settings: HubSpotHttpSettings): HubSpotPort {
  const request = createHubSpotHttp(settings);
  return {
    dryRun: false,
    readDeals: (ids) => readDeals(request, ids),
    createTasks: (tasks) => createTasks(request, tasks),
    findTasksByMarker: (dealId, markers) => findTasksByMarker(request, dealId, markers),
    updateDeals: (updates) => updateDeals(request, updates),
    updateCompanies: (updates) => updateCompanies(request, updates),
    readPipelines: () => readPipelines(request),
    createNotes: (notes) => createNotes(request, notes),
    findNotesByMarker: (dealId, markers) => findNotesByMarker(request, dealId, markers),
    updateNotes: (updates) => updateNotes(request, updates),
    readContacts: (ids) => readContacts(request, ids),
    logEmails: (emails) => logEmails(request, emails),
    findEmailsByMarker: (dealId, markers) => findEmailsByMarker(request, dealId, markers),
    readObjects: (objectType, ids, properties) => readObjects(request, objectType, ids, properties),
    readAssociatedIds: (from, id, to, max) => readAssociatedIds(request, from, id, to, max),
    readProperties: (objectType) => readProperties(request, objectType),
    readPropertyGroups: (objectType) => readPropertyGroups(request, objectType),
    createPropertyGroup: (objectType, group) => createPropertyGroup(request, objectType, group),
    createProperties: (objectType, definitions) => createProperties(request, objectType, definitions),
    searchDealEngagements: (query) => searchDealEngagements(request, query),
    searchDealsModifiedSince: (query) => searchDealsModifiedSince(request, query),
    readTokenInfo: () => readTokenInfo(request, settings.accessToken),
    completeWorkflowCallback: (callbackId, outputFields) => completeWorkflowCallback(request, callbackId, outputFields),
  };
}
