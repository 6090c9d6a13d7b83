import { PROPERTY_GROUP, type PropertyDefinition } from '../hubspot/first100-properties.js';
import type { CrmObjectType } from '../hubspot/hubspot-port.js';

/** HubSpot's names, in its property editor, for the field types first100 uses. */
function editorFieldType(p: PropertyDefinition): string {
  if (p.referencedObjectType === 'OWNER') return '"HubSpot user"';
  if (p.type === 'enumeration') return `"Dropdown select" with the options ${(p.options ?? []).map((o) => `${o.label} (internal value ${o.value})`).join(', ')}`;
  if (p.type === 'datetime') return '"Date and time picker"';
  if (p.type === 'date') return '"Date picker"';
  if (p.type === 'number') return '"Number"';
  return p.fieldType === 'textarea' ? '"Multi-line text"' : '"Single-line text"';
}

/** What an admin does in HubSpot when the API refuses to create a property. */
export function howToCreateByHand(objectType: CrmObjectType, p: PropertyDefinition): string {
  const object = objectType === 'deals' ? 'Deal' : 'Company';
  return (
    `create it by hand: Settings → Properties → ${object} properties → Create property, group "${PROPERTY_GROUP.label}", ` +
    `label "${p.label}", internal name ${p.name} (the </> button next to the label), field type ${editorFieldType(p)}; ` +
    'then run first100 setup again, which creates only what is missing'
  );
}
