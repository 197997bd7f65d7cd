/** Marks instances so `isImmigraFlowError` can recognise them across realms. */
const BRAND = Symbol.for('immigraflow.error')

/**
 * The one base class of every error the package throws. It lives alone in this file so that
 * `immigraflow/webhooks` can extend it without pulling in the client's error hierarchy.
 */
export class ImmigraFlowError extends Error {
  override name = 'ImmigraFlowError'
  readonly [BRAND] = true

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }

  /**
   * True for any ImmigraFlow error, even one created by another copy of this package (another
   * bundle, realm or version), where `instanceof` would say false.
   */
  static isImmigraFlowError(value: unknown): value is ImmigraFlowError {
    return isBranded(value)
  }
}

// Outside the class body: a class that names itself inside its body is emitted by the bundler as
// `class _ImmigraFlowError`, and that name is what Node prints for an uncaught error.
function isBranded(value: unknown): value is ImmigraFlowError {
  return value instanceof ImmigraFlowError || (value instanceof Error && BRAND in value)
}
