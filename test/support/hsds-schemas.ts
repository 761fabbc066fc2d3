import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * The official HSDS 3.0 JSON schemas (../shared/hsds-schema, beside the repository) compiled with Ajv,
 * and `validateResponse`, which checks an /api/hsds response body against the schema the spec's
 * openapi.json names for that endpoint.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const hsdsSchemaDir = path.resolve(repoRoot, '../shared/hsds-schema');
const hsdsSchemaUrl = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema';

type Json = Record<string, unknown>;
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(hsdsSchemaDir, file), 'utf8')) as Json;

const schemaFiles = [
  ...fs.readdirSync(hsdsSchemaDir).filter((file) => file.endsWith('.json') && file !== 'openapi.json'),
  ...fs
    .readdirSync(path.join(hsdsSchemaDir, 'compiled'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => `compiled/${file}`),
];

// The spec's files carry Frictionless Data keywords (name, constraints, core, ...) that Ajv does not know.
// Optimising the generated code costs more time than it saves on schemas this large, checked once per run.
const ajv = new Ajv2020({ strict: false, allErrors: true, code: { optimize: false } });
addFormats.default(ajv);
for (const file of schemaFiles) ajv.addSchema({ ...readJson(file), $id: `${hsdsSchemaUrl}/${file}` });

const openApi = readJson('openapi.json') as { paths: Record<string, { get: { responses: Record<string, Json> } }> };

/** Upstream points /service_at_locations/{id} at compiled/service.json; its own example needs this one. */
const overrides: Record<string, string> = { '/service_at_locations/{id}': `${hsdsSchemaUrl}/compiled/service_at_location.json` };

type EndpointSchema = { kind: 'one'; validate: ValidateFunction } | { kind: 'page'; validateItem: ValidateFunction };

function compileEndpoint(template: string): EndpointSchema {
  const override = overrides[template];
  if (override) return { kind: 'one', validate: ajv.getSchema(override)! };
  const content = openApi.paths[template]!.get.responses['200']!.content as Record<string, { schema: Json }>;
  const schema = content['application/json']!.schema;
  const contents = (schema.properties as Json | undefined)?.contents as { items: { $ref: string } } | undefined;
  if (contents) return { kind: 'page', validateItem: ajv.getSchema(contents.items.$ref)! };
  if (typeof schema.$ref === 'string') return { kind: 'one', validate: ajv.getSchema(schema.$ref)! };
  return { kind: 'one', validate: ajv.compile(schema) };
}

const compiledEndpoints = new Map<string, EndpointSchema>();
const endpoints = Object.keys(openApi.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

const pageFields = {
  total_items: 'integer',
  total_pages: 'integer',
  page_number: 'integer',
  size: 'integer',
  first_page: 'boolean',
  last_page: 'boolean',
  empty: 'boolean',
} as const;

const pageError = (field: string, message: string): ErrorObject => ({
  instancePath: `/${field}`,
  schemaPath: '#/components/schemas/Page',
  keyword: 'type',
  params: {},
  message,
});

function validatePage(body: unknown, validateItem: ValidateFunction): ErrorObject[] {
  if (typeof body !== 'object' || body === null) return [pageError('', 'must be a Page object')];
  const page = body as Json;
  const errors: ErrorObject[] = [];
  for (const [field, type] of Object.entries(pageFields)) {
    const value = page[field];
    const ok = type === 'integer' ? Number.isInteger(value) : typeof value === 'boolean';
    if (!ok) errors.push(pageError(field, `must be present and of type ${type}`));
  }
  if (!Array.isArray(page.contents)) return [...errors, pageError('contents', 'must be an array')];
  page.contents.forEach((item, index) => {
    if (!validateItem(item)) {
      errors.push(...(validateItem.errors ?? []).map((error) => ({ ...error, instancePath: `/contents/${index}${error.instancePath}` })));
    }
  });
  return errors;
}

/**
 * Validate a JSON body from an HSDS endpoint. `requestPath` may be '/services/{uuid}' or the full
 * '/api/hsds/services/{uuid}?page=2'. Returns Ajv's errors; an empty array means valid.
 */
export function validateResponse(requestPath: string, body: unknown): ErrorObject[] {
  const endpointPath = requestPath.split('?')[0]!.replace(/^\/api\/hsds(?=\/|$)/, '') || '/';
  const endpoint = endpoints.find((candidate) => candidate.pattern.test(endpointPath));
  if (!endpoint) throw new Error(`HSDS 3.0 has no endpoint matching ${requestPath}.`);
  // Compiled on first use: the big compiled/*.json schemas take a second or more each.
  let schema = compiledEndpoints.get(endpoint.template);
  if (!schema) {
    schema = compileEndpoint(endpoint.template);
    compiledEndpoints.set(endpoint.template, schema);
  }
  if (schema.kind === 'page') return validatePage(body, schema.validateItem);
  const { validate } = schema;
  return validate(body) ? [] : [...(validate.errors ?? [])];
}

/**
 * The validator for a schema by its URL, such as `${id}#/paths/...` inside a document registered with
 * `addDocument`; a fragment that is only a $ref to an HSDS schema reuses that schema's validator.
 */
export function schemaValidator(ref: string): ValidateFunction {
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`No schema at ${ref}.`);
  return validate;
}

/** Register a document (such as an OpenAPI file) so schemas can be found inside it by `${id}#/json/pointer`. */
export function addDocument(id: string, document: object) {
  if (!ajv.getSchema(id)) ajv.addSchema({ ...document, $id: id });
}
