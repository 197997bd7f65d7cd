/** Users: create, list, get, update, verify email. */
import { DAY_MS as DAY } from '../clock'
import type { MockContext } from '../context'
import { hasMetadataFilter, matchesMetadata, mergeMetadata } from '../metadata'
import type { User } from '../store'
import { ApiError, conflict, notFound, validationFailed } from './errors'
import { paginate } from './pagination'
import { type MockRoute, route } from './route'

/** Issues a verification token (replacing any older one) and "sends" the email that carries it. */
export function issueVerificationToken(ctx: MockContext, user: User): string {
  const state = ctx.state()
  const previous = state.tokenByUser.get(user.id)
  const old = previous === undefined ? undefined : state.tokens.get(previous)
  if (old) old.superseded = true
  const token = `vt_${ctx.token(24)}`
  state.tokens.set(token, {
    token,
    user_id: user.id,
    email: user.email,
    issued_at: state.now,
    used_at: null,
    superseded: false,
  })
  state.tokenByUser.set(user.id, token)
  state.outbox.push({
    id: ++state.counters.message,
    channel: 'email',
    kind: 'verification',
    to: user.email,
    subject: 'Verify your email address for ImmigraFlow',
    text: `Hi ${user.name}, confirm your email address with this token: ${token}. It expires on ${new Date(state.now + DAY).toISOString()}.`,
    token,
    user_id: user.id,
    case_id: null,
    status_update_id: null,
    attempt: 1,
    status: 'sent',
    error: null,
    created_at: ctx.now(),
  })
  return token
}

export function findUser(ctx: MockContext, id: number): User {
  const user = ctx.store.getUser(id)
  if (!user) throw notFound(`No user with id ${id}.`)
  return user
}

const whatsappNeedsPhone = (field: string) =>
  validationFailed([{ field, message: 'an E.164 phone number is required when notify_by_whatsapp is true' }])

export function userHandlers(ctx: MockContext): MockRoute[] {
  return [
    route(ctx, 'verifyUserEmail', ({ body }) => {
      const state = ctx.state()
      const record = state.tokens.get(body.token)
      if (!record) throw notFound('No such verification token. Check that the whole token was copied from the email.')
      if (record.used_at !== null) {
        throw conflict(`This verification token was already used on ${new Date(record.used_at).toISOString()}.`)
      }
      if (record.superseded) {
        throw new ApiError(
          410,
          'gone',
          'This verification token was replaced by a newer one after the email address changed.',
        )
      }
      const expiresAt = record.issued_at + DAY
      if (state.now >= expiresAt) {
        throw new ApiError(
          410,
          'gone',
          `This verification token expired on ${new Date(expiresAt).toISOString()}. Update the user's email to get a new one.`,
        )
      }
      const user = findUser(ctx, record.user_id)
      record.used_at = state.now
      // A disabled user stays disabled: the token proves the address, it does not lift a suspension.
      if (user.status === 'pending_verification') {
        ctx.store.updateUser(user, { status: 'active', updated_at: ctx.now() })
        ctx.emit('user.verified', user)
      }
      return { status: 200, body: user }
    }),

    route(ctx, 'listUsers', ({ query }) => {
      const state = ctx.state()
      const { status, email, metadata } = query
      const matches = (user: User) =>
        (status === undefined || user.status === status) && matchesMetadata(user.metadata, metadata)
      if (email !== undefined) {
        const found = ctx.store.findUserByEmail(email)
        const ids = found && matches(found) ? [found.id] : []
        return { status: 200, body: paginate(ids, { ...query, total: ids.length }, (id) => state.users.get(id)) }
      }
      let total: number
      if (hasMetadataFilter(metadata)) {
        // No index covers metadata: a filtered list counts its matches.
        total = 0
        for (const user of state.users.values()) if (matches(user)) total++
      } else {
        total = status === undefined ? state.users.size : state.userCountByStatus[status]
      }
      return { status: 200, body: paginate(state.userIds, { ...query, total }, (id) => state.users.get(id), matches) }
    }),

    route(ctx, 'createUser', ({ body }) => {
      if (body.notify_by_whatsapp && !body.phone) throw whatsappNeedsPhone('phone')
      if (ctx.store.findUserByEmail(body.email)) {
        throw conflict(`A user with email ${body.email} already exists.`, [
          { field: 'email', message: 'already registered' },
        ])
      }
      const user = ctx.store.insertUser(
        {
          email: body.email,
          name: body.name,
          phone: body.phone ?? null,
          notify_by_email: body.notify_by_email,
          notify_by_whatsapp: body.notify_by_whatsapp,
          status: 'pending_verification',
          metadata: body.metadata ?? {},
        },
        ctx.now(),
      )
      issueVerificationToken(ctx, user)
      ctx.emit('user.created', user)
      return { status: 201, body: user }
    }),

    route(ctx, 'getUser', ({ path }) => ({ status: 200, body: findUser(ctx, path.user_id) })),

    route(ctx, 'updateUser', ({ path, body }) => {
      const user = findUser(ctx, path.user_id)
      const changes: Partial<User> = {}
      // Merged first: a merge past the key limit is refused before anything changes.
      if (body.metadata !== undefined) changes.metadata = mergeMetadata(user.metadata, body.metadata)
      let reverify = false
      if (body.email !== undefined && body.email !== user.email) {
        const other = ctx.store.findUserByEmail(body.email)
        if (other && other.id !== user.id) {
          throw conflict(`A user with email ${body.email} already exists.`, [
            { field: 'email', message: 'already registered' },
          ])
        }
        changes.email = body.email
        reverify = body.email.toLowerCase() !== user.email.toLowerCase()
      }
      if (body.name !== undefined) changes.name = body.name
      if (body.phone !== undefined) changes.phone = body.phone
      if (body.notify_by_email !== undefined) changes.notify_by_email = body.notify_by_email
      if (body.notify_by_whatsapp !== undefined) changes.notify_by_whatsapp = body.notify_by_whatsapp
      const whatsapp = changes.notify_by_whatsapp ?? user.notify_by_whatsapp
      const phone = changes.phone !== undefined ? changes.phone : user.phone
      if (whatsapp && !phone) throw whatsappNeedsPhone(body.phone === null ? 'phone' : 'notify_by_whatsapp')
      if (body.status !== undefined) changes.status = body.status
      // A new address must be verified again; only `disabled` (kept or asked for) outranks that.
      if (reverify && (changes.status ?? user.status) !== 'disabled') changes.status = 'pending_verification'
      changes.updated_at = ctx.now()
      ctx.store.updateUser(user, changes)
      if (reverify) issueVerificationToken(ctx, user)
      ctx.emit('user.updated', user)
      return { status: 200, body: user }
    }),
  ]
}
