import { HttpResponse, http, type JsonBodyType } from 'msw'
import { setupServer } from 'msw/node'
import { spec, specOperations } from './spec'

type Json = Record<string, unknown>

/** A request the example server received. */
export type SeenRequest = { method: string; url: URL; headers: Headers; body: unknown }

function exampleFor(response: Json): unknown {
  const resolved =
    typeof response.$ref === 'string' ? spec.components.responses[response.$ref.split('/').pop() as string] : response
  const media = (resolved?.content as Json | undefined)?.['application/json'] as Json | undefined
  if (!media) return undefined
  if ('example' in media) return media.example
  return Object.values(media.examples as Record<string, { value: unknown }>)[0]?.value
}

/**
 * An MSW server answering every operation with its spec example, like Prism's static mock:
 * the first 2xx by default, or the status a `Prefer: code=NNN` header asks for. It records
 * what it receives, so tests can check what the SDK sends.
 */
export function createExampleServer(baseUrl: string) {
  const seen: SeenRequest[] = []
  const handlers = specOperations().map(({ method, path, operation }) => {
    const responses = operation.responses as Record<string, Json>
    const mswPath = `${baseUrl}${path.replace(/\{([^}]+)\}/g, ':$1')}`
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'
    return http[verb](mswPath, async ({ request }) => {
      const text = await request.text()
      seen.push({
        method,
        url: new URL(request.url),
        headers: request.headers,
        body: text ? JSON.parse(text) : undefined,
      })
      const asked = /code=(\d{3})/.exec(request.headers.get('prefer') ?? '')?.[1]
      const status = asked ?? (Object.keys(responses).find((code) => code.startsWith('2')) as string)
      const response = responses[status]
      if (!response) return HttpResponse.json({ error: 'not in spec' }, { status: 599 })
      const headers: Record<string, string> = { 'X-Request-Id': request.headers.get('x-request-id') ?? 'req_example' }
      if (status === '429' || status === '503') headers['Retry-After'] = '0'
      const body = exampleFor(response)
      return body === undefined
        ? new HttpResponse(null, { status: Number(status), headers })
        : HttpResponse.json(body as JsonBodyType, { status: Number(status), headers })
    })
  })
  const server = setupServer(...handlers)
  return { server, seen }
}
