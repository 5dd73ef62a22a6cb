import { describe, expect, it } from 'vitest'
import type { CurrentUser, UserRole } from '@/api/types'
import { menuFor } from '@/features/auth/roles'
import { router } from '@/app/router'
import {
  MOVEMENT_KINDS,
  activityOn,
  issueChoice,
  relocates,
  seedsApi,
  signedQuantity,
  takesCase,
} from './api'

const user = (role: UserRole): CurrentUser => ({
  id: 'u',
  username: 'u',
  displayName: 'u',
  role,
  institutionId: role.startsWith('HOSPITAL') ? 'i1' : null,
  personId: null,
  regionCode: null,
  roleLabel: '角色',
  mustChangePassword: false,
})

describe('seed ledger helpers', () => {
  it('decays an I-125 seed of 0.696 mCi to about 0.49 mCi 30 days later', () => {
    expect(activityOn(0.696, 59.4, '2026-10-23', '2026-11-22')).toBe(0.4904)
    expect(activityOn(0.696, 59.4, '2026-10-23', '2026-10-23')).toBe(0.696)
  })

  it('asks for an issue only where the ledger needs one, and a case only on issue or implant', () => {
    expect(issueChoice('IMPLANTED')).toBe('required')
    expect(issueChoice('RETURNED')).toBe('required')
    expect(issueChoice('LOST')).toBe('optional')
    expect(issueChoice('ISSUED')).toBe('none')
    expect(issueChoice('DISPOSED')).toBe('none')
    expect(issueChoice('RELOCATED')).toBe('none')
    expect(takesCase('RELOCATED')).toBe(false)
    expect(takesCase('ISSUED')).toBe(true)
    expect(takesCase('IMPLANTED')).toBe(true)
    expect(takesCase('RETURNED')).toBe(false)
  })

  it('shows a compensating entry with a negative quantity', () => {
    expect(signedQuantity({ sign: -1, quantity: 3 })).toBe(-3)
    expect(signedQuantity({ sign: 1, quantity: 3 })).toBe(3)
  })

  it('exports the whole scope or one institution', () => {
    expect(seedsApi.exportUrl()).toBe('/api/seeds/ledger.xlsx')
    expect(seedsApi.exportUrl('a b')).toBe('/api/seeds/ledger.xlsx?institutionId=a%20b')
  })
})

describe('粒子台账 in the menu and the routes', () => {
  it('is offered to hospitals, authorities and the system administrator only', () => {
    const allowed: UserRole[] = [
      'HOSPITAL_CLERK',
      'HOSPITAL_ADMIN',
      'COUNTY_AUTHORITY',
      'CITY_AUTHORITY',
      'PROVINCE_AUTHORITY',
      'SYSTEM_ADMIN',
    ]
    for (const role of allowed) {
      expect(menuFor(user(role)).find((i) => i.index === '/seeds')?.title, role).toBe('粒子台账')
    }
    for (const role of ['PHYSICIAN', 'EXPERT', 'TRAINING_BASE_ADMIN'] as UserRole[]) {
      expect(
        menuFor(user(role)).some((i) => i.index === '/seeds'),
        role,
      ).toBe(false)
    }
    expect(router.resolve('/seeds').meta.roles).toEqual(allowed)
    expect(router.resolve('/seeds/lots/x').name).toBe('seed-lot')
    expect(router.resolve('/seeds/incidents').name).toBe('seed-incidents')
    expect(router.resolve('/seeds/safety').name).toBe('seed-safety')
  })
})

describe('seed relocation (转移)', () => {
  it('is offered on a lot and is the only kind that asks for a new place and custodian', () => {
    expect(MOVEMENT_KINDS).toContainEqual({ value: 'RELOCATED', label: '转移' })
    expect(MOVEMENT_KINDS.filter((k) => relocates(k.value)).map((k) => k.value)).toEqual(['RELOCATED'])
  })
})
