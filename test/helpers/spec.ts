import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

type Json = Record<string, unknown>

export type SpecExample = {
  /** Where the example sits, e.g. `POST /v1/users 201`. */
  where: string
  /** The example value. */
  value: unknown
  /** The schema the example belongs to, as it appears in the spec (usually a $ref). */
  schema: Json
  /** Whether the example is a request body (strict) or a response/event body. */
  kind: 'request' | 'response' | 'event' | 'component'
}

export const specPath = fileURLToPath(new URL('../../openapi.yaml', import.meta.url))

/** openapi.yaml, parsed. */
export const spec = parse(readFileSync(specPath, 'utf8')) as {
  paths: Record<string, Record<string, Json>>
  webhooks: Record<string, Record<string, Json>>
  components: {
    schemas: Record<string, Json>
    responses: Record<string, Json>
    parameters: Record<string, Json>
  }
}

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** Every operation in `paths`, with its method and path. */
export function specOperations(): Array<{ method: string; path: string; operation: Json }> {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      method: method.toUpperCase(),
      path,
      operation: item[method] as Json,
    })),
  )
}

function deref(value: Json, table: Record<string, Json>): Json {
  const ref = value.$ref
  return typeof ref === 'string' ? (table[ref.split('/').pop() as string] as Json) : value
}

function mediaExamples(media: Json): unknown[] {
  if ('example' in media) return [media.example]
  const examples = media.examples as Record<string, { value: unknown }> | undefined
  return examples ? Object.values(examples).map((example) => example.value) : []
}

/** Every example in the spec: request bodies, responses, webhook events and component schemas. */
export function specExamples(): SpecExample[] {
  const found: SpecExample[] = []
  const fromBody = (where: string, content: Json | undefined, kind: SpecExample['kind']) => {
    const media = content?.['application/json'] as Json | undefined
    if (!media) return
    for (const value of mediaExamples(media)) found.push({ where, value, schema: media.schema as Json, kind })
  }
  for (const { method, path, operation } of specOperations()) {
    fromBody(`${method} ${path} request`, (operation.requestBody as Json | undefined)?.content as Json, 'request')
    for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
      fromBody(`${method} ${path} ${status}`, deref(response, spec.components.responses).content as Json, 'response')
    }
  }
  for (const [name, item] of Object.entries(spec.webhooks)) {
    const post = item.post as Json
    fromBody(`webhook ${name}`, (post.requestBody as Json).content as Json, 'event')
  }
  for (const [name, schema] of Object.entries(spec.components.schemas)) {
    if ('example' in schema) {
      found.push({
        where: `schema ${name}`,
        value: schema.example,
        schema: { $ref: `#/components/schemas/${name}` },
        kind: 'component',
      })
    }
  }
  return found
}

/** The component name a `$ref` points at. */
export function refName(schema: Json): string {
  const ref = schema.$ref
  if (typeof ref !== 'string') throw new Error(`Expected a $ref, got ${JSON.stringify(schema)}`)
  return ref.split('/').pop() as string
}

/** Every property name a schema allows, following $ref, allOf and oneOf. */
export function propertyNames(schema: Json): Set<string> {
  const resolved = deref(schema, spec.components.schemas)
  const names = new Set(Object.keys((resolved.properties as Json | undefined) ?? {}))
  for (const key of ['allOf', 'oneOf'] as const) {
    for (const member of (resolved[key] as Json[] | undefined) ?? []) {
      for (const name of propertyNames(member)) names.add(name)
    }
  }
  return names
}

/** The schema of a property, following $ref, allOf and oneOf. */
export function propertySchema(schema: Json, name: string): Json {
  const resolved = deref(schema, spec.components.schemas)
  const direct = (resolved.properties as Record<string, Json> | undefined)?.[name]
  if (direct) return direct
  for (const key of ['allOf', 'oneOf'] as const) {
    for (const member of (resolved[key] as Json[] | undefined) ?? []) {
      if (member.type === 'null') continue
      if (propertyNames(member).has(name)) return propertySchema(member, name)
    }
  }
  throw new Error(`No property ${name}`)
}
