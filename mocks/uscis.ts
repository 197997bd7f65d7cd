/**
 * A deterministic USCIS. Every receipt number follows a scripted lifecycle picked from its
 * digits, one step per simulated week since ImmigraFlow first asked about it:
 *
 * - last digit 9: USCIS does not know the receipt (404 `receipt_not_found`).
 * - last digit 0, 1, 2, 8: received → fingerprints taken → actively reviewed → approved → tail.
 * - last digit 3, 4: … actively reviewed → RFE sent → RFE response received → approved → tail.
 * - last digit 5: received → fingerprints taken → transferred → actively reviewed → approved → tail.
 * - last digit 6: … actively reviewed → RFE sent → RFE response received → denied.
 * - last digit 7: received → fingerprints taken → actively reviewed → denied.
 * - tail for card forms (I-485, I-765, I-751, I-90): card produced → card mailed → card delivered;
 *   for the other forms: approval notice mailed.
 * - second-to-last digit: the form (0 I-485, 1 I-130, 2 I-765, 3 I-131, 4 I-140, 5 I-751,
 *   6 N-400, 7 I-90, 8 I-129F, 9 I-539).
 * - third-to-last digit mod 3: the step the receipt is at when first seen (earlier steps
 *   appear in its history, one week apart).
 *
 * Each step is dated at midnight UTC; `advance(receipt)` moves one step now and
 * `setStatus(receipt, title)` forces any title. `fail()` simulates throttling or an outage.
 */
import { normalizeReceiptNumber } from '../src/core/receipt'
import { ReceiptNumberSchema } from '../src/generated/zod'
import type { MockState, ReceiptRecord, UscisOutage, UscisStatus } from './store'
import { isoTime } from './store'

// One day in ms, as `DAY_MS` in clock.ts (which imports this module, so this one does not import it).
const DAY = 86_400_000
const WEEK = 7 * DAY

interface Form {
  code: string
  en: string
  es: string
  card: boolean
}

const FORMS: readonly Form[] = [
  {
    code: 'I-485',
    en: 'Application to Register Permanent Residence or Adjust Status',
    es: 'Solicitud de Registro de Residencia Permanente o Ajuste de Estatus',
    card: true,
  },
  { code: 'I-130', en: 'Petition for Alien Relative', es: 'Petición de Familiar Extranjero', card: false },
  {
    code: 'I-765',
    en: 'Application for Employment Authorization',
    es: 'Solicitud de Autorización de Empleo',
    card: true,
  },
  { code: 'I-131', en: 'Application for Travel Document', es: 'Solicitud de Documento de Viaje', card: false },
  {
    code: 'I-140',
    en: 'Immigrant Petition for Alien Workers',
    es: 'Petición de Inmigrante para Trabajador Extranjero',
    card: false,
  },
  {
    code: 'I-751',
    en: 'Petition to Remove Conditions on Residence',
    es: 'Petición para Cancelar las Condiciones de Residencia',
    card: true,
  },
  { code: 'N-400', en: 'Application for Naturalization', es: 'Solicitud de Naturalización', card: false },
  {
    code: 'I-90',
    en: 'Application to Replace Permanent Resident Card',
    es: 'Solicitud para Reemplazar la Tarjeta de Residente Permanente',
    card: true,
  },
  { code: 'I-129F', en: 'Petition for Alien Fiancé(e)', es: 'Petición de Prometido(a) Extranjero(a)', card: false },
  {
    code: 'I-539',
    en: 'Application to Extend/Change Nonimmigrant Status',
    es: 'Solicitud para Extender/Cambiar Estatus de No Inmigrante',
    card: false,
  },
]

interface TextArgs {
  dateEn: string
  dateEs: string
  form: Form
  receipt: string
}

interface Step {
  en: string
  es: string
  text(args: TextArgs): { en: string; es: string }
}

const formEn = (a: TextArgs) => `Form ${a.form.code}, ${a.form.en}, Receipt Number ${a.receipt}`
const formEs = (a: TextArgs) => `Formulario ${a.form.code}, ${a.form.es}, Número de Recibo ${a.receipt}`

/** The statuses, worded as USCIS words them. */
export const STEPS = {
  received: {
    en: 'Case Was Received',
    es: 'Caso Fue Recibido',
    text: (a) => ({
      en: `On ${a.dateEn}, we received your ${formEn(a)}, and sent you the receipt notice that describes how we will process your case.`,
      es: `El ${a.dateEs}, recibimos su ${formEs(a)}, y le enviamos el aviso de recibo que describe cómo procesaremos su caso.`,
    }),
  },
  fingerprints: {
    en: 'Case Was Updated To Show Fingerprints Were Taken',
    es: 'Caso Fue Actualizado Para Mostrar Que Se Tomaron Las Huellas Digitales',
    text: (a) => ({
      en: `As of ${a.dateEn}, fingerprints relating to your ${formEn(a)}, have been applied to your case.`,
      es: `A partir del ${a.dateEs}, las huellas digitales relacionadas con su ${formEs(a)}, se aplicaron a su caso.`,
    }),
  },
  reviewed: {
    en: 'Case Is Being Actively Reviewed By USCIS',
    es: 'Caso Está Siendo Revisado Activamente Por USCIS',
    text: (a) => ({
      en: `As of ${a.dateEn}, we are actively reviewing your ${formEn(a)}. Our records show nothing is outstanding at this time.`,
      es: `A partir del ${a.dateEs}, estamos revisando activamente su ${formEs(a)}. Nuestros registros muestran que no hay nada pendiente en este momento.`,
    }),
  },
  rfe_sent: {
    en: 'Request for Additional Evidence Was Sent',
    es: 'Solicitud de Evidencia Adicional Fue Enviada',
    text: (a) => ({
      en: `On ${a.dateEn}, we sent a request for additional evidence for your ${formEn(a)}. The request for evidence explains what we need from you. We will not take action on your case until we receive the evidence or the deadline to submit it expires.`,
      es: `El ${a.dateEs}, enviamos una solicitud de evidencia adicional para su ${formEs(a)}. La solicitud explica lo que necesitamos de usted. No tomaremos acción en su caso hasta recibir la evidencia o hasta que venza el plazo para enviarla.`,
    }),
  },
  rfe_received: {
    en: "Response To USCIS' Request For Evidence Was Received",
    es: 'Respuesta a la Solicitud de Evidencia de USCIS Fue Recibida',
    text: (a) => ({
      en: `On ${a.dateEn}, we received your response to our Request for Evidence for your ${formEn(a)}. USCIS has begun working on your case again.`,
      es: `El ${a.dateEs}, recibimos su respuesta a nuestra Solicitud de Evidencia para su ${formEs(a)}. USCIS comenzó a trabajar nuevamente en su caso.`,
    }),
  },
  transferred: {
    en: 'Case Was Transferred And A New Office Has Jurisdiction',
    es: 'Caso Fue Transferido Y Una Nueva Oficina Tiene Jurisdicción',
    text: (a) => ({
      en: `On ${a.dateEn}, we transferred your ${formEn(a)}, to another office for processing. We will send you a notice when the new office makes a decision.`,
      es: `El ${a.dateEs}, transferimos su ${formEs(a)}, a otra oficina para su procesamiento. Le enviaremos un aviso cuando la nueva oficina tome una decisión.`,
    }),
  },
  approved: {
    en: 'Case Was Approved',
    es: 'Caso Fue Aprobado',
    text: (a) => ({
      en: `On ${a.dateEn}, we approved your ${formEn(a)}. We will mail your approval notice.`,
      es: `El ${a.dateEs}, aprobamos su ${formEs(a)}. Le enviaremos por correo su aviso de aprobación.`,
    }),
  },
  denied: {
    en: 'Case Was Denied',
    es: 'Caso Fue Denegado',
    text: (a) => ({
      en: `On ${a.dateEn}, we denied your ${formEn(a)}. We mailed you a decision notice that explains why we denied your case.`,
      es: `El ${a.dateEs}, denegamos su ${formEs(a)}. Le enviamos por correo un aviso de decisión que explica por qué denegamos su caso.`,
    }),
  },
  notice_mailed: {
    en: 'Approval Notice Was Mailed',
    es: 'Aviso de Aprobación Fue Enviado Por Correo',
    text: (a) => ({
      en: `On ${a.dateEn}, we mailed you an approval notice for your ${formEn(a)}.`,
      es: `El ${a.dateEs}, le enviamos por correo un aviso de aprobación para su ${formEs(a)}.`,
    }),
  },
  card_produced: {
    en: 'New Card Is Being Produced',
    es: 'Nueva Tarjeta Está Siendo Producida',
    text: (a) => ({
      en: `On ${a.dateEn}, we ordered your new card for Receipt Number ${a.receipt}, and will mail it to the address you gave us.`,
      es: `El ${a.dateEs}, ordenamos su nueva tarjeta para el Número de Recibo ${a.receipt}, y la enviaremos por correo a la dirección que nos proporcionó.`,
    }),
  },
  card_mailed: {
    en: 'Card Was Mailed To Me',
    es: 'Tarjeta Fue Enviada Por Correo',
    text: (a) => ({
      en: `On ${a.dateEn}, we mailed your new card for Receipt Number ${a.receipt}, to the address you gave us. The Post Office should deliver it soon.`,
      es: `El ${a.dateEs}, enviamos por correo su nueva tarjeta para el Número de Recibo ${a.receipt}, a la dirección que nos proporcionó. La Oficina Postal debería entregarla pronto.`,
    }),
  },
  card_delivered: {
    en: 'Card Was Delivered To Me By The Post Office',
    es: 'Tarjeta Fue Entregada Por La Oficina Postal',
    text: (a) => ({
      en: `On ${a.dateEn}, the Post Office delivered your new card for Receipt Number ${a.receipt}, to the address you gave us.`,
      es: `El ${a.dateEs}, la Oficina Postal entregó su nueva tarjeta para el Número de Recibo ${a.receipt}, a la dirección que nos proporcionó.`,
    }),
  },
} satisfies Record<string, Step>

export type StepKey = keyof typeof STEPS

const CARD_TAIL: StepKey[] = ['card_produced', 'card_mailed', 'card_delivered']
const NOTICE_TAIL: StepKey[] = ['notice_mailed']

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const MONTHS_ES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
]

/** "March 2, 2026" */
export function dateEn(ms: number): string {
  const d = new Date(ms)
  return `${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`
}

/** "2 de marzo de 2026" */
export function dateEs(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCDate()} de ${MONTHS_ES[d.getUTCMonth()]} de ${d.getUTCFullYear()}`
}

function dayStart(ms: number): number {
  return Math.floor(ms / DAY) * DAY
}

function digit(receipt: string, fromEnd: number): number {
  return Number(receipt[receipt.length - fromEnd])
}

/** Whether USCIS knows the (normalised) receipt: receipts ending in 9 are unknown. */
export function isKnownReceipt(receipt: string): boolean {
  return digit(receipt, 1) !== 9
}

/** The form a receipt is for, from its second-to-last digit. */
export function formOf(receipt: string): Form {
  return FORMS[digit(receipt, 2)] as Form
}

/** The receipt's scripted lifecycle, from its last digit and form. */
export function scriptOf(receipt: string): StepKey[] {
  const tail = formOf(receipt).card ? CARD_TAIL : NOTICE_TAIL
  switch (digit(receipt, 1)) {
    case 3:
    case 4:
      return ['received', 'fingerprints', 'reviewed', 'rfe_sent', 'rfe_received', 'approved', ...tail]
    case 5:
      return ['received', 'fingerprints', 'transferred', 'reviewed', 'approved', ...tail]
    case 6:
      return ['received', 'fingerprints', 'reviewed', 'rfe_sent', 'rfe_received', 'denied']
    case 7:
      return ['received', 'fingerprints', 'reviewed', 'denied']
    default:
      return ['received', 'fingerprints', 'reviewed', 'approved', ...tail]
  }
}

/** Thrown by the controls for a receipt USCIS does not know. */
export class UnknownReceiptError extends Error {
  override name = 'UnknownReceiptError'
}

export interface UscisSimulator {
  /** The receipt's status now, or null when USCIS does not know it. The first call starts its clock. */
  lookup(receipt: string): UscisStatus | null
  /** Moves the receipt one step along its script, dated today. */
  advance(receipt: string): UscisStatus
  /** Forces a status title (a known one gets its wording; any other gets a generic text). */
  setStatus(receipt: string, title: string): UscisStatus
  /** Makes the next `times` checks (default: all until `recover()`) fail with 429, 502 or 503. */
  fail(options: { status: 429 | 502 | 503; retryAfter?: number; times?: number }): void
  /** Ends a simulated outage. */
  recover(): void
  /** The current outage, if any; `takeOutage()` consumes one failure. */
  outage(): UscisOutage | null
  takeOutage(): UscisOutage | null
}

/**
 * The receipt's record, created when USCIS first sees it, with every whole week since then
 * turned into one step. Applying the weeks early or late gives the same entries (each is dated
 * by its week), so any reader may bring a record up to date.
 */
function recordOf(s: MockState, receipt: string): ReceiptRecord {
  let found = s.uscis.receipts.get(receipt)
  if (!found) {
    const script = scriptOf(receipt)
    const step = Math.min(digit(receipt, 3) % 3, script.length - 1)
    const today = dayStart(s.now)
    found = {
      first_seen_at: s.now,
      step,
      weeks_applied: 0,
      entries: script
        .slice(0, step + 1)
        .map((key, index) => ({ key, title: null, day: today - (step - index) * WEEK })),
    }
    s.uscis.receipts.set(receipt, found)
  }
  // Turn every whole week since first sight into one step.
  const weeks = Math.floor((s.now - found.first_seen_at) / WEEK)
  if (found.weeks_applied >= weeks) return found
  const script = scriptOf(receipt)
  while (found.weeks_applied < weeks) {
    found.weeks_applied++
    if (found.step < script.length - 1) {
      found.step++
      found.entries.push({
        key: script[found.step] as StepKey,
        title: null,
        day: dayStart(found.first_seen_at + found.weeks_applied * WEEK),
      })
    }
  }
  return found
}

function titles(entry: ReceiptRecord['entries'][number]): { en: string; es: string } {
  const step = STEPS[entry.key as StepKey] as Step | undefined
  return step ? { en: step.en, es: step.es } : { en: entry.title ?? '', es: entry.title ?? '' }
}

/** A receipt's USCIS status title (`status_code`) at one instant. */
export interface UscisTitle {
  /** The English title, as `status_code` gives it. */
  status_code: string
  /** The Spanish title. */
  status_code_es: string
}

/** A receipt whose USCIS status moved while the mock clock advanced. */
export interface UscisStep {
  receipt_number: string
  from: UscisTitle
  to: UscisTitle
}

/** Every receipt the mock knows, brought up to the state's time, with how many statuses it has had and its title. */
export function uscisPositions(s: MockState): Map<string, { entries: number; title: UscisTitle }> {
  const positions = new Map<string, { entries: number; title: UscisTitle }>()
  for (const receipt of s.uscis.receipts.keys()) {
    const found = recordOf(s, receipt)
    const t = titles(found.entries[found.entries.length - 1] as ReceiptRecord['entries'][number])
    positions.set(receipt, { entries: found.entries.length, title: { status_code: t.en, status_code_es: t.es } })
  }
  return positions
}

/** The receipts whose status moved between two `uscisPositions` readings, in the order the mock first saw them. */
export function uscisSteps(
  before: Map<string, { entries: number; title: UscisTitle }>,
  after: Map<string, { entries: number; title: UscisTitle }>,
): UscisStep[] {
  const steps: UscisStep[] = []
  for (const [receipt, now] of after) {
    const then = before.get(receipt)
    if (then !== undefined && now.entries > then.entries)
      steps.push({ receipt_number: receipt, from: then.title, to: now.title })
  }
  return steps
}

export function createUscis(state: () => MockState): UscisSimulator {
  const record = (receipt: string) => recordOf(state(), receipt)

  function view(receipt: string, found: ReceiptRecord): UscisStatus {
    const form = formOf(receipt)
    const current = found.entries[found.entries.length - 1] as ReceiptRecord['entries'][number]
    const first = found.entries[0] as ReceiptRecord['entries'][number]
    const args: TextArgs = { dateEn: dateEn(current.day), dateEs: dateEs(current.day), form, receipt }
    const step = STEPS[current.key as StepKey] as Step | undefined
    const text = step
      ? step.text(args)
      : {
          en: `On ${args.dateEn}, the status of your ${formEn(args)}, changed to "${current.title}".`,
          es: `El ${args.dateEs}, el estado de su ${formEs(args)}, cambió a "${current.title}".`,
        }
    const title = titles(current)
    return {
      form_type: form.code,
      status_code: title.en,
      status_description: text.en,
      status_code_es: title.es,
      status_description_es: text.es,
      submitted_date: isoTime(first.day),
      modified_date: isoTime(current.day),
      history: found.entries
        .slice(0, -1)
        .reverse()
        .map((entry) => {
          const t = titles(entry)
          return { date: isoTime(entry.day).slice(0, 10), completed_text_en: t.en, completed_text_es: t.es }
        }),
    }
  }

  function known(receipt: string): string {
    const normalised = normalizeReceiptNumber(receipt)
    if (!ReceiptNumberSchema.safeParse(normalised).success)
      throw new UnknownReceiptError(`Not a receipt number: ${receipt}`)
    if (!isKnownReceipt(normalised))
      throw new UnknownReceiptError(`USCIS has no case with receipt number ${normalised}.`)
    return normalised
  }

  return {
    lookup(receipt) {
      const normalised = normalizeReceiptNumber(receipt)
      if (!isKnownReceipt(normalised)) return null
      return view(normalised, record(normalised))
    },
    advance(receipt) {
      const normalised = known(receipt)
      const found = record(normalised)
      const script = scriptOf(normalised)
      if (found.step < script.length - 1) {
        found.step++
        found.entries.push({ key: script[found.step] as StepKey, title: null, day: dayStart(state().now) })
      }
      return view(normalised, found)
    },
    setStatus(receipt, title) {
      const normalised = known(receipt)
      const found = record(normalised)
      const script = scriptOf(normalised)
      const wanted = title.trim().toLowerCase()
      const key = (Object.keys(STEPS) as StepKey[]).find(
        (candidate) => STEPS[candidate].en.toLowerCase() === wanted || STEPS[candidate].es.toLowerCase() === wanted,
      )
      const index = key ? script.indexOf(key) : -1
      if (index >= 0) found.step = index
      found.entries.push({ key: key ?? 'custom', title: key ? null : title.trim(), day: dayStart(state().now) })
      return view(normalised, found)
    },
    fail({ status, retryAfter, times }) {
      if (retryAfter !== undefined && !(Number.isInteger(retryAfter) && retryAfter >= 0)) {
        throw new RangeError(`uscis.fail: retryAfter must be a whole number of seconds ≥ 0, got ${retryAfter}`)
      }
      if (times !== undefined && !(Number.isInteger(times) && times >= 1)) {
        throw new RangeError(`uscis.fail: times must be a whole number ≥ 1, got ${times}`)
      }
      state().uscis.outage = { status, retry_after: retryAfter ?? (status === 429 ? 30 : 60), remaining: times ?? null }
    },
    recover() {
      state().uscis.outage = null
    },
    outage() {
      return state().uscis.outage
    },
    takeOutage() {
      const s = state()
      const outage = s.uscis.outage
      if (!outage) return null
      if (outage.remaining !== null) {
        outage.remaining--
        if (outage.remaining <= 0) s.uscis.outage = null
      }
      return { ...outage }
    },
  }
}
