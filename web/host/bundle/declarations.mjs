// The bundle's "declarations" section and the engine's declarations option, kept in one place so
// that creating and replaying a bundle give the engine exactly the same input.
//
// declarationsSection(declarations, organization) → {organization, declarations} or null.
//   declarations: the applicant's declarations document ({version: 1, organization?, declarations})
//   or null/undefined; organization: the organisation details (overrides the document's).
//   null when neither gives anything. Missing parts are null.
// engineDeclarations(section) → the engine's declarations option ({version: 1, organization?,
//   declarations}) or undefined when the section holds no declarations.

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

export function declarationsSection(declarations, organization) {
  const org = isObject(organization) ? organization : isObject(declarations?.organization) ? declarations.organization : null;
  const items = isObject(declarations?.declarations) ? declarations.declarations : null;
  if (org === null && items === null) return null;
  return { organization: org, declarations: items };
}

export function engineDeclarations(section) {
  if (!isObject(section) || !isObject(section.declarations)) return undefined;
  const doc = { version: 1 };
  if (isObject(section.organization)) doc.organization = section.organization;
  doc.declarations = section.declarations;
  return doc;
}
