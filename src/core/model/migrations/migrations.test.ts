import { describe, expect, it } from 'vitest'
import { ok } from '../problem.ts'
import { soundPlan } from '../../testing/plan-builder.ts'
import { MIGRATIONS, migrate, type Migration } from './index.ts'

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze)
    Object.freeze(value)
  }
  return value
}

describe('migrations', () => {
  it('are numbered contiguously from 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
  })

  it('never mutate their input', () => {
    const input = deepFreeze(JSON.parse(JSON.stringify(soundPlan())))
    const before = JSON.stringify(input)
    for (const migration of MIGRATIONS) {
      const result = migration.up(input)
      expect(result.ok).toBe(true)
    }
    const result = migrate(input, 1)
    expect(result.ok).toBe(true)
    expect(JSON.stringify(input)).toBe(before)
  })

  it('give their steps a copy: a step that changes its document in place leaves the input alone', () => {
    const chain: Migration[] = [
      { version: 1, description: 'initial', up: ok },
      { version: 2, description: 'in place', up: (doc) => { (doc as { hosts: unknown[] }).hosts.length = 0; return ok(doc) } },
    ]
    const input = JSON.parse(JSON.stringify(soundPlan()))
    const before = JSON.stringify(input)
    const result = migrate(input, 1, chain)
    expect(result.ok && (result.value as { hosts: unknown[] }).hosts).toEqual([])
    expect(JSON.stringify(input)).toBe(before)
  })

  it('run in order from the document version and stamp each new version', () => {
    const seen: number[] = []
    const chain: Migration[] = [1, 2, 3].map((version) => ({
      version,
      description: `step ${version}`,
      up: (doc) => { seen.push(version); return ok({ ...doc, [`v${version}`]: true }) },
    }))
    const input = deepFreeze({ format: 'vexplan/plan', version: 1 })
    const result = migrate(input, 1, chain)
    expect(seen).toEqual([2, 3])
    expect(result).toEqual({ ok: true, value: { format: 'vexplan/plan', version: 3, v2: true, v3: true } })
  })

  it('stop at the first failing step and return its problems', () => {
    const chain: Migration[] = [
      { version: 1, description: 'initial', up: ok },
      { version: 2, description: 'fails', up: () => ({ ok: false, problems: [{ path: 'hosts', message: 'cannot upgrade' }] }) },
    ]
    expect(migrate({ version: 1 }, 1, chain)).toEqual({ ok: false, problems: [{ path: 'hosts', message: 'cannot upgrade' }] })
  })
})

describe('migrate, beyond its list', () => {
  it('refuses a document newer than the newest migration it knows, at "version"', () => {
    const chain: Migration[] = [{ version: 1, description: 'initial', up: ok }]
    expect(migrate({ version: 2 }, 2, chain)).toEqual({ ok: false, problems: [{ path: 'version', message: 'version 2 is newer than this vexplan knows (1)' }] })
    expect(migrate({ version: 1 }, 1, [])).toMatchObject({ ok: false, problems: [{ path: 'version' }] })
  })
})
