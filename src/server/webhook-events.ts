import { z } from 'zod';
import type { IncomingPrivacyDeletion } from '../store/privacy-deletion-store.js';
import type { IncomingStageChange } from '../store/stage-change-store.js';

const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);

/** The envelope every HubSpot webhook event has; the rest depends on its subscription type. */
const eventSchema = z.looseObject({
  eventId: id,
  subscriptionType: z.string().min(1),
  portalId: id,
  occurredAt: z.number().int().positive(),
  objectId: id.optional(),
  objectTypeId: z.string().optional(),
  propertyName: z.string().optional(),
  propertyValue: z.unknown().optional(),
});

export const deliverySchema = z.array(eventSchema).max(1000);

export type WebhookEvent = z.output<typeof eventSchema>;

const DEAL_OBJECT_TYPE = '0-3';

/** A deal stage change (classic `deal.propertyChange` or generic `object.propertyChange` on deals), else undefined. */
export function toStageChange(event: WebhookEvent): IncomingStageChange | undefined {
  const isDeal =
    event.subscriptionType === 'deal.propertyChange' ||
    (event.subscriptionType === 'object.propertyChange' && event.objectTypeId === DEAL_OBJECT_TYPE);
  if (!isDeal || event.propertyName !== 'dealstage' || !event.objectId) return undefined;
  if (typeof event.propertyValue !== 'string' || event.propertyValue === '') return undefined;
  return {
    eventId: event.eventId,
    portalId: event.portalId,
    dealId: event.objectId,
    stageId: event.propertyValue,
    occurredAt: event.occurredAt,
  };
}

/** A contact deleted in HubSpot "to comply with privacy laws" (`hubEvents` contact.privacyDeletion); objectId is the contact. */
export function toPrivacyDeletion(event: WebhookEvent): IncomingPrivacyDeletion | undefined {
  if (event.subscriptionType !== 'contact.privacyDeletion' || !event.objectId) return undefined;
  return { eventId: event.eventId, portalId: event.portalId, contactId: event.objectId, occurredAt: event.occurredAt };
}
