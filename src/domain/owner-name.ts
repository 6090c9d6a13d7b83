/** An owner's name as colleagues and clients read it: first and last name, else the address; null with neither. */
export function ownerName(owner: { firstName: string | null; lastName: string | null; email: string | null }): string | null {
  return [owner.firstName, owner.lastName].filter(Boolean).join(' ') || owner.email || null;
}
