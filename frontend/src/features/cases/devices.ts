/**
 * What a barcode scanner types into the device field. A scanner in keyboard mode sends the code and Enter; GS1
 * element strings may carry the ASCII 29 group separator (GS, FNC1) between variable-length fields, which the
 * server needs to find where a lot or serial ends — so it is kept, never trimmed away. The API refuses control
 * characters in JSON text, so each GS travels as the text `<GS>` (the server turns it back before reading).
 */
import type { DeviceView } from '@/api/types'
import { deviceRow, type DeviceRow } from './caseForm'

/** The GS1 group separator (FNC1 in an element string). */
export const GS = '\u001d'

/** How a GS travels in the API's JSON (control characters are refused there). */
export const GS_TEXT = '<GS>'

/**
 * The string to send for what was typed: without the line end and the blanks around the code, with every GS kept
 * as the text `<GS>` (String.prototype.trim would keep a GS too, but Java's trim and many "clean input" helpers do
 * not, and the API refuses control characters).
 */
export function scannedValue(raw: string): string {
  return raw
    .replace(/^[ \t\r\n]+/, '')
    .replace(/[ \t\r\n]+$/, '')
    .split(GS)
    .join(GS_TEXT)
}

export type ScanOutcome =
  | { kind: 'appended'; index: number }
  | { kind: 'filled'; index: number }
  | { kind: 'counted'; index: number }
  | { kind: 'duplicate'; index: number }

function isBlank(row: DeviceRow): boolean {
  return !row.scanned && !row.name && !row.registrationNo
}

/**
 * Puts a device read from its barcode into the rows: the same serialised device twice is refused (a serial number
 * is one physical device), the same code without a serial counts one more unit, an empty row left by "添加器械" is
 * filled, otherwise a row is appended.
 */
export function addScannedDevice(rows: DeviceRow[], device: DeviceView): ScanOutcome {
  const same = rows.findIndex((r) => r.scanned === device.scanned)
  if (same >= 0) {
    if (device.serial) return { kind: 'duplicate', index: same }
    rows[same].quantity = (rows[same].quantity ?? 1) + 1
    return { kind: 'counted', index: same }
  }
  const row = deviceRow(device)
  const blank = rows.findIndex(isBlank)
  if (blank >= 0) {
    // keep what the clerk typed into the blank row
    rows[blank] = { ...row, singleUse: rows[blank].singleUse ?? row.singleUse }
    return { kind: 'filled', index: blank }
  }
  rows.push(row)
  return { kind: 'appended', index: rows.length - 1 }
}

/** Shows a scanned code with its invisible separators visible (GS as ␝). */
export function showScanned(scanned: string): string {
  return scanned.split(GS).join('␝').split(GS_TEXT).join('␝')
}

export const DEVICE_TYPE_LABELS: Record<string, string> = {
  GS1: 'GS1',
  MA: 'MA 码',
  PLAIN: '其他条码',
}
