/**
 * What HubSpot refuses when a property is created (POST /crm/v3/properties/{objectType}, and each input of
 * /batch/create), from its PropertyCreate spec (HubSpot-public-api-spec-collection, CRM/Properties v3): the five
 * required fields, the enumerations of `type` and `fieldType`, `options` required on enumerations (an owner
 * property too: externalOptions with referencedObjectType OWNER, options empty), the group existing, and the name
 * being free. The messages are the double's own; HubSpot's wording differs.
 */
const TYPES = ['bool', 'date', 'datetime', 'enumeration', 'number', 'phone_number', 'string'];
const FIELD_TYPES = ['booleancheckbox', 'calculation_equation', 'checkbox', 'date', 'file', 'html', 'number', 'phonenumber', 'radio', 'select', 'text', 'textarea'];

export function propertyProblem(p: Record<string, any>, groups: string[], existing: string[]): string | undefined {
  for (const field of ['name', 'label', 'type', 'fieldType', 'groupName']) {
    if (typeof p[field] !== 'string' || p[field] === '') return `Property ${p.name ?? '?'} is missing the required field ${field}`;
  }
  if (!/^[a-z][a-z0-9_]*$/.test(p.name)) return `Property name ${p.name} must start with a letter and hold only lowercase letters, digits and underscores`;
  if (!TYPES.includes(p.type)) return `Property ${p.name}: type ${p.type} is not one of ${TYPES.join(', ')}`;
  if (!FIELD_TYPES.includes(p.fieldType)) return `Property ${p.name}: fieldType ${p.fieldType} is not one of ${FIELD_TYPES.join(', ')}`;
  if (p.type === 'enumeration' && !Array.isArray(p.options)) return `Property ${p.name}: options are required for enumeration properties`;
  for (const o of p.options ?? []) {
    if (typeof o.label !== 'string' || typeof o.value !== 'string' || typeof o.hidden !== 'boolean') return `Property ${p.name}: each option needs label, value and hidden`;
  }
  if (p.externalOptions === true && p.referencedObjectType !== 'OWNER') return `Property ${p.name}: externalOptions needs referencedObjectType OWNER`;
  if (p.referencedObjectType !== undefined && p.type !== 'enumeration') return `Property ${p.name}: referencedObjectType is only for enumeration properties`;
  if (!groups.includes(p.groupName)) return `Property ${p.name}: the property group ${p.groupName} does not exist`;
  if (existing.includes(p.name)) return `Property ${p.name} already exists`;
  return undefined;
}
