/**
 * Turns the JSON Schemas of openapi.yaml into zod 4 `zod/mini` source code.
 *
 * Why a script and not a generator package, as measured on Node 20 (this package's floor):
 * @hey-api/openapi-ts 0.99.0 runs there (outside its declared engines) but drops
 * `additionalProperties: false` (unknown fields slip through), `minProperties` and
 * `uniqueItems`, and turns `format: int64` into `bigint`; Kubb 5 crashes on Node 20. Those are
 * exactly the rules the API relies on, so this walker covers the keywords the spec uses and
 * fails loudly on any keyword it does not know, so a spec change can never silently drop a
 * constraint. It emits `zod/mini` with every call marked pure, so a bundle keeps only the
 * schemas it reaches.
 */

export type JsonSchema = {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  minProperties?: number
  maxProperties?: number
  items?: JsonSchema
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  propertyNames?: JsonSchema
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  discriminator?: { propertyName: string }
  default?: unknown
  description?: string
  example?: unknown
  summary?: string
  title?: string
}

/** Keywords that only document a schema and never change what it accepts. */
const DOC_KEYWORDS = new Set(['description', 'example', 'summary', 'title', 'mapping'])

const HANDLED_KEYWORDS = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'items',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'oneOf',
  'allOf',
  'discriminator',
  'default',
])

/** How values arrive: as JSON, or as the strings of a URL's path and query. */
export type Wire = 'json' | 'string'

export function schemaName(ref: string): string {
  const name = ref.split('/').pop()
  if (!ref.startsWith('#/components/schemas/') || !name) {
    throw new Error(`Only local component schema refs are supported, got ${ref}`)
  }
  return `${name}Schema`
}

function assertKnownKeywords(schema: JsonSchema, where: string): void {
  for (const key of Object.keys(schema)) {
    if (!HANDLED_KEYWORDS.has(key) && !DOC_KEYWORDS.has(key)) {
      throw new Error(`${where}: the zod generator does not support the "${key}" keyword`)
    }
  }
}

const literal = (value: unknown): string => JSON.stringify(value)

/**
 * A zod/mini call marked pure, so a bundler drops every schema an app never reaches; without the
 * mark it must keep each top-level call in case it has side effects.
 */
const pure = (call: string): string => `/* @__PURE__ */ ${call}`

/** The call `schema`, then `.check(...)` when there are checks (run in the order given), marked pure as a whole. */
const withChecks = (schema: string, checks: string[]): string =>
  pure(checks.length === 0 ? schema : `${schema}.check(${checks.join(', ')})`)

/** A pattern as a regex literal: unlike `new RegExp(...)`, a bundler can drop it with its unused schema. */
const regexLiteral = (pattern: string): string => `/${new RegExp(pattern).source}/`

/** The checks src/core/schema-checks.ts makes, which the generated code calls by name. */
export const CHECK_FACTORIES = ['minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'refine']

/**
 * The check of each string `format` and of integers, from src/core/schema-checks.ts (run first, as
 * zod's own format schemas run theirs): they behave as `z.email()`, `z.url()`, `z.iso.datetime()`,
 * `z.iso.date()` and `z.int()` at a fraction of their size in a bundle.
 */
export const FORMAT_CHECKS: Record<string, string> = {
  email: 'emailFormat',
  uri: 'urlFormat',
  'date-time': 'isoDateTimeFormat',
  date: 'isoDateFormat',
}

/** The check of `type: integer`, which behaves as `z.int()`. */
export const INT_CHECK = 'intFormat'

function stringSchema(schema: JsonSchema): string {
  const checks: string[] = []
  if (schema.format !== undefined) {
    const check = FORMAT_CHECKS[schema.format]
    if (!check) throw new Error(`Unsupported string format "${schema.format}"`)
    checks.push(check)
  }
  if (schema.minLength !== undefined) checks.push(pure(`minLength(${schema.minLength})`))
  if (schema.maxLength !== undefined) checks.push(pure(`maxLength(${schema.maxLength})`))
  if (schema.pattern !== undefined) checks.push(pure(`pattern(${regexLiteral(schema.pattern)})`))
  return withChecks('z.string()', checks)
}

function numberSchema(schema: JsonSchema, integer: boolean, wire: Wire): string {
  // `format: int64` stays a number, as JSON parses it: ids never come near 2^53.
  const checks: string[] = []
  if (schema.minimum !== undefined) checks.push(pure(`minimum(${schema.minimum})`))
  if (schema.maximum !== undefined) checks.push(pure(`maximum(${schema.maximum})`))
  const code = withChecks('z.number()', integer ? [INT_CHECK, ...checks] : checks)
  if (wire === 'json') return code
  // URL values are strings: convert only plain decimal numerals, so `0x1`, `1e1`, ` 1` or an
  // empty value stay strings and are reported as not being numbers.
  const numeral = integer ? '^-?[0-9]+$' : '^-?[0-9]+(\\.[0-9]+)?$'
  return fromString(`typeof value === 'string' && /${numeral}/.test(value) ? Number(value) : value`, code)
}

/**
 * A URL value converted by `conversion` (an expression of `value`) before `schema` checks it; a
 * value it does not convert stays as it came and is reported against `schema`.
 */
const fromString = (conversion: string, schema: string): string =>
  pure(`z.pipe(${pure(`z.transform((value) => (${conversion}))`)}, ${schema})`)

/** The `{ key: schema }` shape of an object's properties. */
function objectShape(schema: JsonSchema, where: string, wire: Wire): string {
  const required = new Set(schema.required ?? [])
  const entries = Object.entries(schema.properties ?? {}).map(([key, property]) => {
    let code = toZod(property, `${where}.${key}`, wire)
    if (property.default !== undefined) {
      code = pure(`z._default(${code}, ${literal(property.default)})`)
    } else if (!required.has(key)) {
      code = pure(`z.optional(${code})`)
    }
    return `${literal(key)}: ${code}`
  })
  return `{ ${entries.join(', ')} }`
}

/** The `minProperties` / `maxProperties` checks of an object. */
function propertyCountChecks(schema: JsonSchema): string[] {
  const checks: string[] = []
  if (schema.minProperties !== undefined) {
    const n = schema.minProperties
    const message = literal(`send at least ${n} field${n === 1 ? '' : 's'}`)
    checks.push(pure(`refine((value: object) => Object.keys(value).length >= ${n}, ${message})`))
  }
  if (schema.maxProperties !== undefined) {
    const n = schema.maxProperties
    const message = literal(`must have at most ${n} key${n === 1 ? '' : 's'}`)
    // `when`: counted even when some entry is invalid, so one answer names every problem (but
    // only for an object: a value of the wrong type is reported as such, and has no keys).
    const when = "(payload) => typeof payload.value === 'object' && payload.value !== null"
    checks.push(pure(`refine((value: object) => Object.keys(value).length <= ${n}, ${message}, ${when})`))
  }
  return checks
}

/** The schema `recordSchema` pipes every record through first, and its source (emitted once, before the schemas). */
export const PROTO_KEY_GUARD = 'ProtoKeyGuardSchema'
export const PROTO_KEY_GUARD_SOURCE = `/** Reports an own \`__proto__\` key, which a zod record would drop without a word. */
export const ${PROTO_KEY_GUARD} = ${pure(`z.transform((value: unknown, ctx) => {
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) {
    ctx.issues.push({ code: 'unrecognized_keys', keys: ['__proto__'], input: value as Record<string, unknown> })
  }
  return value
})`)}`

/**
 * An object whose keys are free (`additionalProperties` is a schema): a zod record, its keys
 * checked by `propertyNames`. zod skips a `__proto__` key without a word (assigning it would
 * change the output's prototype), so such a key would vanish from a request that still
 * succeeds: the guard reports it first. It is reported as an unrecognized key because that is
 * the one issue a zod pipe carries on past, so the record still reports its other problems.
 */
function recordSchema(schema: JsonSchema, where: string, wire: Wire): string {
  if (schema.properties || typeof schema.additionalProperties !== 'object') {
    throw new Error(`${where}: an object with free keys cannot also name properties`)
  }
  const keys = schema.propertyNames ?? {}
  assertKnownKeywords(keys, `${where}.propertyNames`)
  const unsupported = Object.keys(keys).filter(
    (key) => !['pattern', 'minLength', 'maxLength'].includes(key) && !DOC_KEYWORDS.has(key),
  )
  if (unsupported.length > 0) {
    throw new Error(
      `${where}.propertyNames: only pattern, minLength and maxLength are supported, got ${unsupported.join(', ')}`,
    )
  }
  const key = stringSchema({ ...keys, type: 'string' })
  const value = toZod(schema.additionalProperties, `${where}.*`, wire)
  const record = withChecks(`z.record(${key}, ${value})`, propertyCountChecks(schema))
  return pure(`z.pipe(${PROTO_KEY_GUARD}, ${record})`)
}

function objectSchema(schema: JsonSchema, where: string, wire: Wire): string {
  if (typeof schema.additionalProperties === 'object') return recordSchema(schema, where, wire)
  // Request bodies forbid unknown fields; response objects keep them so that a newer
  // server adding a field never breaks an older client validating responses.
  const factory = schema.additionalProperties === false ? 'z.strictObject' : 'z.looseObject'
  return withChecks(`${factory}(${objectShape(schema, where, wire)})`, propertyCountChecks(schema))
}

function typedSchema(schema: JsonSchema, type: string, where: string, wire: Wire): string {
  switch (type) {
    case 'string':
      return stringSchema(schema)
    case 'integer':
      return numberSchema(schema, true, wire)
    case 'number':
      return numberSchema(schema, false, wire)
    case 'boolean':
      // On the wire only the words `true` and `false`, as the spec's boolean means.
      return wire === 'string'
        ? fromString("value === 'true' ? true : value === 'false' ? false : value", pure('z.boolean()'))
        : pure('z.boolean()')
    case 'null':
      return pure('z.null()')
    case 'array': {
      if (!schema.items) throw new Error(`${where}: arrays need "items"`)
      const checks: string[] = []
      if (schema.minItems !== undefined) checks.push(pure(`minLength(${schema.minItems})`))
      if (schema.maxItems !== undefined) checks.push(pure(`maxLength(${schema.maxItems})`))
      if (schema.uniqueItems) {
        checks.push(
          pure(
            'refine((items: unknown[]) => new Set(items.map((item) => JSON.stringify(item))).size === items.length, "items must be unique")',
          ),
        )
      }
      return withChecks(`z.array(${toZod(schema.items, `${where}[]`, wire)})`, checks)
    }
    case 'object':
      return objectSchema(schema, where, wire)
    default:
      throw new Error(`${where}: unsupported type "${type}"`)
  }
}

/** The component schemas, for `allOf` to read its base's properties (set by the generator before it emits). */
let components: Record<string, JsonSchema> = {}
export function useComponents(schemas: Record<string, JsonSchema>): void {
  components = schemas
}

/**
 * `allOf` of a component object and inline objects, as one object with the base's properties
 * then the others': what `z.extend` would build at load time, written out instead, so the bundle
 * needs no `z.extend` (353 B min+gz of zod's object utilities). Undefined when the base is not a
 * plain object component (free keys or property counts), which `z.extend` then handles.
 */
function mergedObject(base: JsonSchema, rest: JsonSchema[]): JsonSchema | undefined {
  const target = base.$ref ? components[base.$ref.split('/').pop() as string] : undefined
  if (target?.type !== 'object' || !target.properties) return undefined
  if (typeof target.additionalProperties === 'object') return undefined
  if (target.minProperties !== undefined || target.maxProperties !== undefined) return undefined
  if (rest.some((member) => member.$ref || member.type !== 'object' || !member.properties)) return undefined
  const properties = { ...target.properties }
  const required = [...(target.required ?? [])]
  for (const member of rest) {
    Object.assign(properties, member.properties)
    required.push(...(member.required ?? []))
  }
  const merged: JsonSchema = { type: 'object', properties, required }
  if (target.additionalProperties !== undefined) merged.additionalProperties = target.additionalProperties
  return merged
}

/** Returns zod/mini source code for one JSON Schema; every call is marked pure. */
export function toZod(schema: JsonSchema, where: string, wire: Wire = 'json'): string {
  assertKnownKeywords(schema, where)
  if (schema.$ref) return schemaName(schema.$ref)

  if (schema.enum) return pure(`z.enum(${literal(schema.enum)})`)
  // A string constant is a one-value enum: the same check and the same issue (`invalid_value`
  // with the allowed values), and the SDK's bundle needs no second validator for it (z.literal
  // added 117 B min+gz).
  if (typeof schema.const === 'string') return pure(`z.enum(${literal([schema.const])})`)
  if (schema.const !== undefined) return pure(`z.literal(${literal(schema.const)})`)

  if (schema.oneOf) {
    const nonNull = schema.oneOf.filter((member) => member.type !== 'null')
    const nullable = nonNull.length < schema.oneOf.length
    const members = nonNull.map((member, i) => toZod(member, `${where}.oneOf[${i}]`, wire))
    let code: string
    if (members.length === 1) {
      code = members[0] as string
    } else if (schema.discriminator) {
      code = pure(`z.discriminatedUnion(${literal(schema.discriminator.propertyName)}, [${members.join(', ')}])`)
    } else {
      code = pure(`z.union([${members.join(', ')}])`)
    }
    return nullable ? pure(`z.nullable(${code})`) : code
  }

  if (schema.allOf) {
    const [base, ...rest] = schema.allOf
    if (!base) throw new Error(`${where}: empty allOf`)
    const merged = mergedObject(base, rest)
    if (merged) return toZod(merged, where, wire)
    let code = toZod(base, `${where}.allOf[0]`, wire)
    rest.forEach((member, i) => {
      if (member.$ref || member.type !== 'object') {
        throw new Error(`${where}.allOf[${i + 1}]: only inline objects can extend a base schema`)
      }
      code = pure(`z.extend(${code}, ${objectShape(member, `${where}.allOf[${i + 1}]`, wire)})`)
    })
    return code
  }

  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  const nonNullTypes = types.filter((type) => type !== 'null')
  if (nonNullTypes.length !== 1) {
    throw new Error(`${where}: expected exactly one non-null type, got ${literal(schema.type)}`)
  }
  const code = typedSchema(schema, nonNullTypes[0] as string, where, wire)
  return types.includes('null') ? pure(`z.nullable(${code})`) : code
}

/** The component names a schema refers to, directly or nested. */
export function refsOf(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) refsOf(item, found)
  } else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string') found.add(value.split('/').pop() as string)
      else if (key !== 'example' && key !== 'discriminator') refsOf(value, found)
    }
  }
  return found
}

/** Orders component names so each comes after every component it refers to. */
export function dependencyOrder(schemas: Record<string, JsonSchema>): string[] {
  const ordered: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === 'done') return
    if (state.get(name) === 'visiting') {
      throw new Error(`Recursive schemas are not supported: ${[...path, name].join(' → ')}`)
    }
    const schema = schemas[name]
    if (!schema) throw new Error(`Unknown schema "${name}" referenced from ${path.join(' → ')}`)
    state.set(name, 'visiting')
    for (const ref of refsOf(schema)) visit(ref, [...path, name])
    state.set(name, 'done')
    ordered.push(name)
  }
  for (const name of Object.keys(schemas)) visit(name, [])
  return ordered
}
