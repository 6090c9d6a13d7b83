/** The HubSpot user acting through a card, as the signed request names them. */
export interface CardActor {
  userId: string;
  userEmail: string | null;
}

/** How a note or history line names the user: the email colleagues know, else the user id. */
export function actorLabel(actor: CardActor): string {
  return actor.userEmail ?? `HubSpot user ${actor.userId}`;
}

export type CardWriteOutcome = 'applied' | 'repeated' | 'request-id-reused';
