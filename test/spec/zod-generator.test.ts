import { afterEach, describe, expect, it } from 'vitest'
import { toZod, useComponents } from '../../scripts/zod-from-spec'
import { issuesToDetails } from '../../src/core/zod-details'
import { CaseSummarySchema, CaseWithUserSchema, UserCreatedEventSchema } from '../../src/generated/schemas'

describe('zod generator', () => {
  afterEach(() => useComponents({}))

  it('writes a string const as a one-value enum, reported like any enum', () => {
    expect(toZod({ const: '*' }, 'x')).toBe(`/* @__PURE__ */ z.enum(["*"])`)
    expect(toZod({ const: 3 }, 'x')).toBe('/* @__PURE__ */ z.literal(3)')
    const result = UserCreatedEventSchema.safeParse({ type: 'user.deleted' }, { reportInput: true })
    const details = issuesToDetails(result.error?.issues ?? [])
    expect(details.find((detail) => detail.field === 'type')).toEqual({
      field: 'type',
      message: 'must be one of: user.created',
    })
  })

  it('writes allOf of an object component and inline objects as one object, base properties first', () => {
    useComponents({ Base: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } })
    const code = toZod(
      {
        allOf: [
          { $ref: '#/components/schemas/Base' },
          { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
        ],
      },
      'x',
    )
    expect(code).toBe(
      '/* @__PURE__ */ z.looseObject({ "id": /* @__PURE__ */ z.number().check(intFormat), "name": /* @__PURE__ */ z.string() })',
    )
  })

  it('keeps z.extend for a base with free keys or property counts', () => {
    useComponents({ Base: { type: 'object', minProperties: 1, properties: { id: { type: 'integer' } } } })
    const code = toZod({ allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: {} }] }, 'x')
    expect(code).toMatch(/^\/\* @__PURE__ \*\/ z\.extend\(BaseSchema, /)
  })

  it('the merged CaseWithUser checks what CaseSummary checks, and the user', () => {
    expect(Object.keys(CaseWithUserSchema.def.shape)).toEqual([...Object.keys(CaseSummarySchema.def.shape), 'user'])
    const missingUser = CaseWithUserSchema.safeParse({}, { reportInput: true })
    const fields = issuesToDetails(missingUser.error?.issues ?? []).map((detail) => detail.field)
    expect(fields).toEqual([...Object.keys(CaseSummarySchema.def.shape), 'user'])
  })
})
