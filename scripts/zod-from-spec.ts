/**
 * Turns the JSON Schemas of openapi.yaml into zod 4 source code.
 *
 * Why a script and not a generator package: the maintained generator that runs on
 * Node 20 (@hey-api/openapi-ts ≤ 0.95) emits `z.object` for `additionalProperties: false`
 * (unknown fields slip through; fixed only in releases that need Node 22), ignores
 * `minProperties` and `uniqueItems`, and maps `format: int64` to `bigint`. Those are
 * exactly the rules the API relies on, so this walker covers the keywords the spec uses
 * and fails loudly on any keyword it does not know, so a spec change can never silently
 * drop a constraint.
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
  items?: JsonSchema
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean
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
  'items',
  'properties',
  'required',
  'additionalProperties',
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

function stringSchema(schema: JsonSchema): string {
  let code: string
  switch (schema.format) {
    case undefined:
      code = 'z.string()'
      break
    case 'email':
      code = 'z.email()'
      break
    case 'uri':
      code = 'z.url()'
      break
    case 'date-time':
      code = 'z.iso.datetime()'
      break
    case 'date':
      code = 'z.iso.date()'
      break
    default:
      throw new Error(`Unsupported string format "${schema.format}"`)
  }
  if (schema.minLength !== undefined) code += `.min(${schema.minLength})`
  if (schema.maxLength !== undefined) code += `.max(${schema.maxLength})`
  if (schema.pattern !== undefined) code += `.regex(new RegExp(${literal(schema.pattern)}))`
  return code
}

function numberSchema(schema: JsonSchema, integer: boolean, wire: Wire): string {
  let code = integer ? 'z.number().int()' : 'z.number()'
  if (schema.minimum !== undefined) code += `.min(${schema.minimum})`
  if (schema.maximum !== undefined) code += `.max(${schema.maximum})`
  if (wire === 'json') return code
  // URL values are strings: convert only plain decimal numerals, so `0x1`, `1e1`, ` 1` or an
  // empty value stay strings and are reported as not being numbers.
  const numeral = integer ? '^-?[0-9]+$' : '^-?[0-9]+(\\.[0-9]+)?$'
  return `z.preprocess((value) => (typeof value === 'string' && /${numeral}/.test(value) ? Number(value) : value), ${code})`
}

function objectSchema(schema: JsonSchema, where: string, wire: Wire): string {
  const required = new Set(schema.required ?? [])
  const entries = Object.entries(schema.properties ?? {}).map(([key, property]) => {
    let code = toZod(property, `${where}.${key}`, wire)
    if (property.default !== undefined) {
      code += `.default(${literal(property.default)})`
    } else if (!required.has(key)) {
      code += '.optional()'
    }
    return `${literal(key)}: ${code}`
  })
  // Request bodies forbid unknown fields; response objects keep them so that a newer
  // server adding a field never breaks an older client validating responses.
  const factory = schema.additionalProperties === false ? 'z.strictObject' : 'z.looseObject'
  let code = `${factory}({ ${entries.join(', ')} })`
  if (schema.minProperties !== undefined) {
    const n = schema.minProperties
    code += `.refine((value) => Object.keys(value).length >= ${n}, { message: ${literal(
      `send at least ${n} field${n === 1 ? '' : 's'}`,
    )} })`
  }
  return code
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
        ? "z.union([z.boolean(), z.stringbool({ truthy: ['true'], falsy: ['false'], case: 'sensitive' })])"
        : 'z.boolean()'
    case 'null':
      return 'z.null()'
    case 'array': {
      if (!schema.items) throw new Error(`${where}: arrays need "items"`)
      let code = `z.array(${toZod(schema.items, `${where}[]`, wire)})`
      if (schema.minItems !== undefined) code += `.min(${schema.minItems})`
      if (schema.maxItems !== undefined) code += `.max(${schema.maxItems})`
      if (schema.uniqueItems) {
        code +=
          '.refine((items) => new Set(items.map((item) => JSON.stringify(item))).size === items.length, { message: "items must be unique" })'
      }
      return code
    }
    case 'object':
      return objectSchema(schema, where, wire)
    default:
      throw new Error(`${where}: unsupported type "${type}"`)
  }
}

/** Returns zod source code for one JSON Schema. */
export function toZod(schema: JsonSchema, where: string, wire: Wire = 'json'): string {
  assertKnownKeywords(schema, where)
  if (schema.$ref) return schemaName(schema.$ref)

  if (schema.enum) return `z.enum(${literal(schema.enum)})`
  if (schema.const !== undefined) return `z.literal(${literal(schema.const)})`

  if (schema.oneOf) {
    const nonNull = schema.oneOf.filter((member) => member.type !== 'null')
    const nullable = nonNull.length < schema.oneOf.length
    const members = nonNull.map((member, i) => toZod(member, `${where}.oneOf[${i}]`, wire))
    let code: string
    if (members.length === 1) {
      code = members[0] as string
    } else if (schema.discriminator) {
      code = `z.discriminatedUnion(${literal(schema.discriminator.propertyName)}, [${members.join(', ')}])`
    } else {
      code = `z.union([${members.join(', ')}])`
    }
    return nullable ? `${code}.nullable()` : code
  }

  if (schema.allOf) {
    const [base, ...rest] = schema.allOf
    if (!base) throw new Error(`${where}: empty allOf`)
    let code = toZod(base, `${where}.allOf[0]`, wire)
    rest.forEach((member, i) => {
      if (member.$ref || member.type !== 'object') {
        throw new Error(`${where}.allOf[${i + 1}]: only inline objects can extend a base schema`)
      }
      code += `.extend(${objectSchema(member, `${where}.allOf[${i + 1}]`, wire)}.shape)`
    })
    return code
  }

  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  const nonNullTypes = types.filter((type) => type !== 'null')
  if (nonNullTypes.length !== 1) {
    throw new Error(`${where}: expected exactly one non-null type, got ${literal(schema.type)}`)
  }
  const code = typedSchema(schema, nonNullTypes[0] as string, where, wire)
  return types.includes('null') ? `${code}.nullable()` : code
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
