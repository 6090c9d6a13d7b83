/** An owner's name as colleagues and clients read it: first and last name, else the address; null with neither. */
export function ownerName(owner: { firstName: string | null; lastName: string | null; email: string | null }): string | null {
  return [owner.firstName, owner.lastName].filter(Boolean).join(' ') || owner.email || null;
}

/** The names of those owners that have one, by owner id (an owner with neither name nor address is left out). */
export function ownerNames(owners: ReadonlyMap<string, Parameters<typeof ownerName>[0]>): Map<string, string> {
  return new Map([...owners].flatMap(([id, o]) => {
    const name = ownerName(o);
    return name ? [[id, name] as const] : [];
  }));
}
