/**
 * Writes src/generated/ from openapi.yaml:
 * - openapi.ts: TypeScript types, by openapi-typescript;
 * - schemas.ts: a zod/mini schema for every component;
 * - operations.ts: every operation's method, path, input schemas and response schemas;
 * - sdk-operations.ts: the same without method, path or error responses, which the SDK never checks;
 * - webhook-events.ts: the schemas of the events ImmigraFlow sends, alone, so that validating an
 *   event loads none of the API's request and response schemas;
 * - zod.ts: all of the above in one module, for code that wants every schema.
 *
 * `tsx scripts/generate.ts --check` writes nothing and exits 1 when a committed file is
 * stale, so `npm test` fails whenever the spec and the code disagree.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import { parse } from 'yaml'
import {
  CHECK_FACTORIES,
  dependencyOrder,
  FORMAT_CHECKS,
  INT_CHECK,
  type JsonSchema,
  PROTO_KEY_GUARD,
  PROTO_KEY_GUARD_SOURCE,
  refsOf,
  schemaName,
  toZod,
  useComponents,
} from './zod-from-spec'

type Parameter = {
  $ref?: string
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema: JsonSchema
}
type Response = { $ref?: string; content?: Record<string, { schema: JsonSchema }> }
type Operation = {
  operationId: string
  parameters?: Parameter[]
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> }
  responses: Record<string, Response>
}
type PathItem = { parameters?: Parameter[] } & Partial<Record<Method, Operation>>
type Method = (typeof METHODS)[number]
type Spec = {
  paths: Record<string, PathItem>
  webhooks?: Record<string, PathItem>
  components: {
    schemas: Record<string, JsonSchema>
    parameters: Record<string, Parameter>
    responses: Record<string, Response>
  }
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const
const root = fileURLToPath(new URL('..', import.meta.url))
const specPath = `${root}openapi.yaml`
const HEADER = '// Generated from openapi.yaml by scripts/generate.ts. Do not edit: run `npm run generate`.\n'
/** zod/mini rather than zod: its functions tree-shake, so a bundle carries only the validators it uses. */
const zodImports = (code: string): string => {
  const checks = [
    ...[...Object.values(FORMAT_CHECKS), INT_CHECK].filter((name) => new RegExp(`\\b${name}\\b`).test(code)),
    ...CHECK_FACTORIES.filter((name) => new RegExp(`(?<![.\\w])${name}\\(`).test(code)),
  ]
  const checksImport = checks.length > 0 ? `import { ${checks.sort().join(', ')} } from '../core/schema-checks'\n` : ''
  return `import * as z from 'zod/mini'\n${checksImport}`
}
/** The one component every webhook event belongs to, which `unwrap` validates against. */
const EVENT_UNION = 'WebhookEvent'

function resolve<T extends { $ref?: string }>(value: T, table: Record<string, T>): T {
  if (!value.$ref) return value
  const target = table[value.$ref.split('/').pop() as string]
  if (!target) throw new Error(`Unresolved reference ${value.$ref}`)
  return target
}

function jsonSchemaOf(content: Record<string, { schema: JsonSchema }> | undefined, where: string) {
  if (!content) return undefined
  const json = content['application/json']
  if (!json) throw new Error(`${where}: only application/json bodies are supported`)
  return json.schema
}

/** Replaces refs by the schemas they name, so string coercion reaches every nested number and boolean. */
function inlineRefs(schema: JsonSchema, schemas: Record<string, JsonSchema>): JsonSchema {
  if (!schema.$ref) return schema
  return inlineRefs(resolve(schema, schemas), schemas)
}

function parametersObject(params: Parameter[], where: string, schemas: Record<string, JsonSchema>): string {
  const properties: Record<string, JsonSchema> = {}
  const required: string[] = []
  for (const param of params) {
    const inlined = inlineRefs(param.schema, schemas)
    // A schema that reads a URL's strings as it reads JSON (nothing in it to coerce) stays a ref,
    // so the bundle holds one copy of it rather than one more per parameter.
    const sameOnBothWires = toZod(inlined, where, 'string') === toZod(inlined, where, 'json')
    properties[param.name] = sameOnBothWires ? param.schema : inlined
    if (param.required) required.push(param.name)
  }
  // Path and query values arrive as strings on the wire: coerce them to the spec's types.
  return toZod({ type: 'object', properties, required, additionalProperties: false }, where, 'string')
}

/**
 * `operations` in full (`all`), or as the SDK checks them (`sdk`): inputs, and the schemas of success responses
 * only, the ones it validates; without method, path or error responses its bundle is smaller.
 */
function operationsSource(spec: Spec, form: 'all' | 'sdk'): string {
  const entries: string[] = []
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method]
      if (!operation) continue
      const where = `${method.toUpperCase()} ${path}`
      const params = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) =>
        resolve(p, spec.components.parameters),
      )
      const pathParams = params.filter((p) => p.in === 'path')
      const queryParams = params.filter((p) => p.in === 'query')
      const body = jsonSchemaOf(operation.requestBody?.content, where)
      const responses = Object.entries(operation.responses)
        .filter(([status]) => form === 'all' || /^2\d\d$/.test(status))
        .map(([status, response]) => {
          const schema = jsonSchemaOf(resolve(response, spec.components.responses).content, where)
          return `${status}: ${schema ? toZod(schema, `${where} ${status}`) : 'null'}`
        })
      const route =
        form === 'all' ? `method: ${JSON.stringify(method.toUpperCase())}, path: ${JSON.stringify(path)},` : ''
      entries.push(
        `${operation.operationId}: {
          ${route}
          pathParams: ${parametersObject(pathParams, `${where} path`, spec.components.schemas)},
          query: ${parametersObject(queryParams, `${where} query`, spec.components.schemas)},
          body: ${body ? toZod(body, `${where} body`) : 'null'},
          responses: { ${responses.join(', ')} },
        }`,
      )
    }
  }
  const body =
    form === 'all'
      ? `/** Every operation's method, path, input schemas (path and query values coerced from strings) and response schemas by status. */
export const operations = { ${entries.join(',\n')} } as const

/** The operationId of each operation in openapi.yaml. */
export type OperationId = keyof typeof operations
`
      : `/** Every operation as the SDK checks it: input schemas (path and query values coerced from strings) and the schemas of its success responses, by status. */
export const operations = { ${entries.join(',\n')} } as const
`
  const used = [...new Set(body.match(/\b[A-Z][A-Za-z0-9]*Schema\b/g) ?? [])].sort()
  const imports = used.length > 0 ? `import { ${used.join(', ')} } from './schemas'\n` : ''
  return `${HEADER}${zodImports(body)}${imports}\n${body}`
}

function schemasSource(spec: Spec): string {
  const schemas = spec.components.schemas
  const components = dependencyOrder(schemas).map((name) => {
    const schema = schemas[name] as JsonSchema
    const doc = schema.description ? `/** ${schema.description.trim().replace(/\s*\n\s*/g, ' ')} */\n` : ''
    return `${doc}export const ${schemaName(`#/components/schemas/${name}`)} = ${toZod(schema, name)}`
  })
  const schemasCode = components.join('\n\n')
  const guard = new RegExp(`\\b${PROTO_KEY_GUARD}\\b`).test(schemasCode) ? `${PROTO_KEY_GUARD_SOURCE}\n\n` : ''
  const code = `${guard}${schemasCode}`
  return `${HEADER}${zodImports(code)}\n${code}\n`
}

/** The schemas of the events in the spec's `webhooks`, and the union of them all. */
function webhookEventsSource(spec: Spec): string {
  if (!spec.components.schemas[EVENT_UNION]) throw new Error(`openapi.yaml has no ${EVENT_UNION} schema`)
  const events = new Set<string>([EVENT_UNION])
  for (const [name, item] of Object.entries(spec.webhooks ?? {})) {
    const schema = jsonSchemaOf(item.post?.requestBody?.content, `webhook ${name}`)
    if (!schema?.$ref) throw new Error(`webhook ${name}: its body must be a component schema`)
    for (const ref of refsOf(schema)) events.add(ref)
  }
  const names = [...events].sort().map((name) => schemaName(`#/components/schemas/${name}`))
  return `${HEADER}export { ${names.join(', ')} } from './schemas'\n`
}

function barrelSource(): string {
  return `${HEADER}export * from './operations'\nexport * from './schemas'\n`
}

/** Formats TypeScript source with the project's formatter, so generated files read like the rest. */
function format(source: string, fileName: string): string {
  return execFileSync(`${root}node_modules/.bin/biome`, ['format', `--stdin-file-path=${fileName}`], {
    cwd: root,
    input: source,
    encoding: 'utf8',
  })
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check')
  const spec = parse(readFileSync(specPath, 'utf8')) as Spec
  useComponents(spec.components.schemas)
  const types = astToString(await openapiTS(new URL(`file://${specPath}`), { defaultNonNullable: false }))
  const outputs: Record<string, string> = {
    'src/generated/openapi.ts': format(`${HEADER}${types}`, 'openapi.ts'),
    'src/generated/schemas.ts': format(schemasSource(spec), 'schemas.ts'),
    'src/generated/operations.ts': format(operationsSource(spec, 'all'), 'operations.ts'),
    'src/generated/sdk-operations.ts': format(operationsSource(spec, 'sdk'), 'sdk-operations.ts'),
    'src/generated/webhook-events.ts': format(webhookEventsSource(spec), 'webhook-events.ts'),
    'src/generated/zod.ts': format(barrelSource(), 'zod.ts'),
  }
  const stale: string[] = []
  for (const [file, content] of Object.entries(outputs)) {
    const path = `${root}${file}`
    let current: string | undefined
    try {
      current = readFileSync(path, 'utf8')
    } catch {
      current = undefined
    }
    if (current === content) continue
    if (check) stale.push(file)
    else writeFileSync(path, content)
  }
  if (stale.length > 0) {
    console.error(`Stale generated files (run \`npm run generate\` and commit): ${stale.join(', ')}`)
    process.exit(1)
  }
  console.log(check ? 'Generated files are up to date.' : `Wrote ${Object.keys(outputs).join(', ')}.`)
}

await main()
