import { describe, expect, it } from 'vitest'
import { consoleHeaders, consolePage } from '../../mocks/console/page'
import { CONSOLE_PATH } from '../../mocks/console/path'

describe('the console page', () => {
  it('is one self-contained document: no external script, style, image or font', () => {
    const html = consolePage()
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).not.toMatch(/\b(src|href)="(?!data:)[^"#]/)
    expect(html).not.toMatch(/https?:\/\//)
    expect(html).not.toContain('@import')
    expect(html.match(/<script>/g)).toHaveLength(1)
  })

  it('is served with a policy that runs only its own inline script and style and connects only to the mock', () => {
    const policy = consoleHeaders()['Content-Security-Policy'] ?? ''
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain("connect-src 'self'")
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'/)
    expect(policy).not.toContain('unsafe-inline')
    expect(consoleHeaders()['Content-Type']).toBe('text/html; charset=utf-8')
  })

  it('answers /__mock/ and /__mock/console, and nothing else', () => {
    expect(['', 'console', 'console/'].every((path) => CONSOLE_PATH.test(path))).toBe(true)
    expect(['state', 'consoles', 'console/x', 'stream'].some((path) => CONSOLE_PATH.test(path))).toBe(false)
  })
})
