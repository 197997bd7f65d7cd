import { describe, expect, it } from 'vitest'
import { specOperations } from '../helpers/spec'

/** ImmigraFlow's fifteen operations; method and path are part of the contract. */
const EXPECTED = [
  ['POST', '/v1/check', 'Check'],
  ['POST', '/v1/users/verify-email', 'Users'],
  ['GET', '/v1/users', 'Users'],
  ['POST', '/v1/users', 'Users'],
  ['GET', '/v1/users/{user_id}', 'Users'],
  ['PUT', '/v1/users/{user_id}', 'Users'],
  ['GET', '/v1/users/{user_id}/cases', 'Cases'],
  ['POST', '/v1/users/{user_id}/cases', 'Cases'],
  ['GET', '/v1/cases/{case_id}', 'Cases'],
  ['PUT', '/v1/cases/{case_id}', 'Cases'],
  ['GET', '/v1/webhooks', 'Webhooks'],
  ['POST', '/v1/webhooks', 'Webhooks'],
  ['GET', '/v1/webhooks/{webhook_id}', 'Webhooks'],
  ['PUT', '/v1/webhooks/{webhook_id}', 'Webhooks'],
  ['DELETE', '/v1/webhooks/{webhook_id}', 'Webhooks'],
] as const

describe('openapi.yaml operations', () => {
  const operations = specOperations()

  it('has exactly the fifteen operations, each with its fixed method and path', () => {
    const actual = operations.map(({ method, path }) => `${method} ${path}`).sort()
    expect(actual).toEqual(EXPECTED.map(([method, path]) => `${method} ${path}`).sort())
  })

  it.each(EXPECTED)('%s %s has an operationId, a summary and the %s tag', (method, path, tag) => {
    const found = operations.find((op) => op.method === method && op.path === path)
    expect(found?.operation.operationId).toMatch(/^[a-z][A-Za-z]+$/)
    expect(found?.operation.summary).toBeTruthy()
    expect(found?.operation.tags).toEqual([tag])
  })

  it('gives every operation a unique operationId', () => {
    const ids = operations.map(({ operation }) => operation.operationId)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('documents 401, 429, 500 and 503 on every operation, and 400/413/422 wherever a body is sent', () => {
    for (const { method, path, operation } of operations) {
      const statuses = Object.keys(operation.responses as object)
      expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['401', '429', '500', '503']))
      if (operation.requestBody) {
        expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['400', '413', '422']))
      }
      if (path.includes('{')) expect(statuses, `${method} ${path}`).toContain('404')
    }
  })

  it('lets every POST carry an Idempotency-Key', () => {
    for (const { method, path, operation } of operations.filter((op) => op.method === 'POST')) {
      const refs = (operation.parameters as Array<{ $ref?: string }>).map((p) => p.$ref)
      expect(refs, `${method} ${path}`).toContain('#/components/parameters/IdempotencyKey')
    }
  })
})
