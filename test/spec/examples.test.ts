import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { refName, type SpecExample, spec, specExamples, specOperations } from '../helpers/spec'

const SPEC_ID = 'https://api.immigraflow.com/openapi.json'

function specValidator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true })
  addFormats(ajv)
  // OpenAPI annotations and the spec's own top-level sections: known, never validated.
  ajv.addVocabulary(['example', 'discriminator', 'components'])
  ajv.addSchema({ $id: SPEC_ID, components: { schemas: spec.components.schemas } })
  return (example: SpecExample) => {
    // Every body in the spec names a component schema, so validation goes through it.
    const validate = ajv.compile({ $ref: `${SPEC_ID}#/components/schemas/${refName(example.schema)}` })
    const valid = validate(example.value)
    return { valid, errors: ajv.errorsText(validate.errors) }
  }
}

describe('openapi.yaml examples', () => {
  const examples = specExamples()
  const validate = specValidator()

  it('has an example for every response that has a body', () => {
    for (const { method, path, operation } of specOperations()) {
      for (const status of Object.keys(operation.responses as object)) {
        if (status === '204') continue
        expect(
          examples.some((e) => e.where === `${method} ${path} ${status}`),
          `${method} ${path} ${status}`,
        ).toBe(true)
      }
    }
  })

  it('has an example for every request body and every webhook event', () => {
    const requests = specOperations().filter(({ operation }) => operation.requestBody)
    for (const { method, path } of requests) {
      expect(
        examples.some((e) => e.where === `${method} ${path} request`),
        `${method} ${path}`,
      ).toBe(true)
    }
    for (const name of Object.keys(spec.webhooks)) {
      expect(
        examples.some((e) => e.where === `webhook ${name}`),
        name,
      ).toBe(true)
    }
  })

  it.each(examples.map((e) => [e.where, e] as const))('%s: the example validates against its schema', (_, e) => {
    const { valid, errors } = validate(e)
    expect(errors).toBe('No errors')
    expect(valid).toBe(true)
  })

  it('rejects an example with a wrong type, so the validator is really checking', () => {
    const example = examples.find((e) => e.where === 'GET /v1/users/{user_id} 200') as SpecExample
    const broken = { ...example, value: { ...(example.value as object), id: 'seven' } }
    expect(validate(broken).valid).toBe(false)
  })
})
