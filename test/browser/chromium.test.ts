import { describe, expect, it } from 'vitest'
import { DEFAULT_CHROMIUM, decideChromium, INSTALL_CHROMIUM } from './chromium'

const onlyAt =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path)

describe('whether the browser tests run', () => {
  it("runs with Debian's Chromium when it is installed", () => {
    expect(decideChromium({}, onlyAt(DEFAULT_CHROMIUM))).toEqual({ run: true, executablePath: DEFAULT_CHROMIUM })
  })

  it('runs with the browser IMMIGRAFLOW_CHROMIUM names instead of the default', () => {
    const env = { IMMIGRAFLOW_CHROMIUM: '/opt/chrome/chrome' }
    expect(decideChromium(env, onlyAt('/opt/chrome/chrome', DEFAULT_CHROMIUM))).toEqual({
      run: true,
      executablePath: '/opt/chrome/chrome',
    })
  })

  it('skips, in one line naming the install command, when the browser is missing', () => {
    const decision = decideChromium({ IMMIGRAFLOW_CHROMIUM: '/nonexistent' }, onlyAt(DEFAULT_CHROMIUM))
    expect(decision).toMatchObject({ run: false, fail: false })
    const message = decision.run ? '' : decision.message
    expect(message).toContain('skipped')
    expect(message).toContain('/nonexistent')
    expect(message).toContain(INSTALL_CHROMIUM)
    expect(message).not.toContain('\n')
  })

  it('fails instead of skipping when IMMIGRAFLOW_REQUIRE_BROWSER=1', () => {
    const decision = decideChromium({ IMMIGRAFLOW_REQUIRE_BROWSER: '1' }, onlyAt())
    expect(decision).toMatchObject({ run: false, fail: true })
    expect(decision.run ? '' : decision.message).toContain(INSTALL_CHROMIUM)
  })

  it('skips when IMMIGRAFLOW_REQUIRE_BROWSER is set to anything but 1', () => {
    expect(decideChromium({ IMMIGRAFLOW_REQUIRE_BROWSER: '0' }, onlyAt())).toMatchObject({ run: false, fail: false })
  })
})
