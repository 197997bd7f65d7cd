import { describe, expect, it } from 'vitest'
import { propertyNames, propertySchema, spec } from '../helpers/spec'

/** The fourteen schemas named in ImmigraFlow's outline. */
const SEED_SCHEMAS = [
  'ErrorEnvelope',
  'CheckRequest',
  'User',
  'UserCreateRequest',
  'UserUpdateRequest',
  'CaseSummary',
  'CaseCreateRequest',
  'CaseUpdateRequest',
  'StatusUpdate',
  'CaseDetailsResponse',
  'CheckResponse',
  'Webhook',
  'WebhookCreateRequest',
  'WebhookUpdateRequest',
]

/** The outline's CaseDetailsResponse example: the fields every part must carry. */
const SEED_CASE_FIELDS = [
  'id',
  'user_case_id',
  'receipt_number',
  'description',
  'created_at',
  'last_checked',
  'active',
  'user',
]
const SEED_USER_FIELDS = [
  'id',
  'email',
  'name',
  'phone',
  'notify_by_email',
  'notify_by_whatsapp',
  'status',
  'created_at',
  'updated_at',
]
const SEED_STATUS_UPDATE_FIELDS = [
  'id',
  'status_code',
  'status_description',
  'form_type',
  'detail_message',
  'status_code_es',
  'status_description_es',
  'submitted_date',
  'modified_date',
  'history',
  'timestamp',
  'notified',
  'email_notify_status',
  'whatsapp_notify_status',
  'email_notify_attempts',
  'whatsapp_notify_attempts',
  'email_notify_last_error',
  'whatsapp_notify_last_error',
  'email_notify_sent_at',
  'whatsapp_notify_sent_at',
]

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

describe('openapi.yaml schemas', () => {
  it.each(SEED_SCHEMAS)('defines %s', (name) => {
    expect(spec.components.schemas[name]).toBeDefined()
  })

  it('gives CaseDetailsResponse the outline fields: case, status_updates, update_count', () => {
    expect([...propertyNames(ref('CaseDetailsResponse'))].sort()).toEqual(['case', 'status_updates', 'update_count'])
  })

  it('gives the embedded case every outline field, and the embedded user every User field', () => {
    const caseSchema = propertySchema(ref('CaseDetailsResponse'), 'case')
    expect([...propertyNames(caseSchema)]).toEqual(expect.arrayContaining(SEED_CASE_FIELDS))
    expect([...propertyNames(propertySchema(caseSchema, 'user'))]).toEqual(expect.arrayContaining(SEED_USER_FIELDS))
    expect([...propertyNames(ref('User'))]).toEqual(expect.arrayContaining(SEED_USER_FIELDS))
  })

  it('gives StatusUpdate every outline field', () => {
    expect([...propertyNames(ref('StatusUpdate'))]).toEqual(expect.arrayContaining(SEED_STATUS_UPDATE_FIELDS))
  })

  it('gives CaseSummary the user, receipt and status fields', () => {
    expect([...propertyNames(ref('CaseSummary'))]).toEqual(
      expect.arrayContaining(['user_id', 'user_case_id', 'receipt_number', 'description', 'latest_status']),
    )
  })

  it('forbids unknown fields on every request body', () => {
    for (const name of SEED_SCHEMAS.filter((n) => n.endsWith('Request'))) {
      expect(spec.components.schemas[name]?.additionalProperties, name).toBe(false)
    }
  })

  it('uses exact enums for user statuses and notification states', () => {
    expect(spec.components.schemas.UserStatus?.enum).toEqual(['pending_verification', 'active', 'disabled'])
    expect(spec.components.schemas.NotifyStatus?.enum).toEqual(['skipped', 'pending', 'sent', 'failed'])
  })

  it('bounds list limits to 1–100 with a default of 20', () => {
    expect(spec.components.parameters.Limit?.schema).toMatchObject({ minimum: 1, maximum: 100, default: 20 })
  })

  it('describes one webhook event per event type, each with its own schema', () => {
    const types = [
      'user.created',
      'user.updated',
      'user.verified',
      'case.created',
      'case.updated',
      'case.status_changed',
    ]
    expect(Object.keys(spec.webhooks).sort()).toEqual([...types].sort())
    for (const type of types) {
      const post = spec.webhooks[type]?.post as {
        requestBody: { content: Record<string, { schema: { $ref: string } }> }
      }
      const schemaName = post.requestBody.content['application/json']?.schema.$ref.split('/').pop() as string
      expect(spec.components.schemas[schemaName]?.properties).toMatchObject({ type: { const: type } })
    }
  })
})
