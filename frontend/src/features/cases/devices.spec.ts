import { describe, expect, it } from 'vitest'
import type { DeviceView } from '@/api/types'
import { deviceRow, type DeviceRow } from './caseForm'
import { addScannedDevice, GS, scannedValue, showScanned } from './devices'

function device(partial: Partial<DeviceView> & { scanned: string }): DeviceView {
  return {
    type: 'GS1',
    gtin: '09506000134352',
    lot: null,
    serial: null,
    expiryDate: null,
    productionDate: null,
    registrationNo: null,
    name: null,
    singleUse: false,
    quantity: 1,
    expired: false,
    ...partial,
  }
}

describe('scannedValue', () => {
  it('keeps the GS separators a scanner sends, inside and at the end, as the text <GS> the API accepts', () => {
    const code = `]C101095060001343521017250131${GS}10ABC123${GS}21S42${GS}`
    const sent = ']C101095060001343521017250131<GS>10ABC123<GS>21S42<GS>'
    expect(scannedValue(code + '\r\n')).toBe(sent)
    expect(scannedValue(code)).toContain('ABC123<GS>21')
    expect(scannedValue(`${GS}0109506000134352`)).toBe('<GS>0109506000134352')
    expect(scannedValue(code)).not.toContain(GS)
  })

  it('drops only blanks and line ends around the code', () => {
    expect(scannedValue('  (01)09506000134352(10)L1 \t\n')).toBe('(01)09506000134352(10)L1')
    expect(scannedValue('\r\n')).toBe('')
  })

  it('shows GS visibly', () => {
    expect(showScanned(`10A${GS}21B`)).toBe('10A␝21B')
    expect(showScanned('10A<GS>21B')).toBe('10A␝21B')
  })
})

describe('addScannedDevice', () => {
  it('appends a row with what the server read', () => {
    const rows: DeviceRow[] = []
    const outcome = addScannedDevice(
      rows,
      device({ scanned: 'x', lot: 'ABC123', serial: 'S42', expiryDate: '2025-01-31', expired: true }),
    )
    expect(outcome).toEqual({ kind: 'appended', index: 0 })
    expect(rows[0]).toMatchObject({
      scanned: 'x',
      gtin: '09506000134352',
      lot: 'ABC123',
      serial: 'S42',
      expiryDate: '2025-01-31',
      expired: true,
      quantity: 1,
    })
  })

  it('fills a blank row added by hand, keeping what the clerk ticked', () => {
    const rows = [deviceRow({ scanned: 'first' }), { ...deviceRow({ scanned: '' }), singleUse: true }]
    expect(addScannedDevice(rows, device({ scanned: 'second', singleUse: false }))).toEqual({
      kind: 'filled',
      index: 1,
    })
    expect(rows).toHaveLength(2)
    expect(rows[1]).toMatchObject({ scanned: 'second', singleUse: true })
  })

  it('refuses the same serialised device twice', () => {
    const rows: DeviceRow[] = []
    addScannedDevice(rows, device({ scanned: 'a', serial: 'S1' }))
    expect(addScannedDevice(rows, device({ scanned: 'a', serial: 'S1' }))).toEqual({
      kind: 'duplicate',
      index: 0,
    })
    expect(rows).toHaveLength(1)
  })

  it('counts the same code without a serial as one more unit', () => {
    const rows: DeviceRow[] = []
    addScannedDevice(rows, device({ scanned: 'b' }))
    expect(addScannedDevice(rows, device({ scanned: 'b' }))).toEqual({ kind: 'counted', index: 0 })
    expect(rows[0].quantity).toBe(2)
  })
})
