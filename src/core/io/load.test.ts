import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { edit, first, soundPlan } from '../testing/plan-builder.ts'
import { loadPlan, loadPlanValue, MAX_DEPTH, MAX_PLAN_BYTES } from './load.ts'
import { savePlan } from './save.ts'

const seedText = readFileSync(new URL('../../../examples/seed-reference.json', import.meta.url), 'utf8')
const problemsOf = (text: string) => {
  const result = loadPlan(text)
  if (result.ok) throw new Error('expected the load to fail')
  return result.problems
}

describe('loadPlan', () => {
  it('loads the seed reference plan', () => {
    const result = loadPlan(seedText)
    expect(result.ok).toBe(true)
  })

  it('gives a plan of its own: changing the loaded plan never changes the document it came from', () => {
    const document = JSON.parse(savePlan(soundPlan()))
    const before = JSON.stringify(document)
    const result = loadPlanValue(document)
    if (!result.ok) throw new Error('sound plan must load')
    const plan = result.value
    expect(plan).not.toBe(document)
    plan.hosts[0]!.vms[0]!.disks[0]!.contents.push('other')
    plan.hosts[0]!.name = 'Renamed'
    plan.layout['hv01'] = { x: 1, y: 2 }
    plan.organization.mailboxes = 1
    expect(JSON.stringify(document)).toBe(before)
  })

  it('is stable: load then save gives the same bytes, twice over', () => {
    const result = loadPlan(seedText)
    if (!result.ok) throw new Error('seed must load')
    const once = savePlan(result.value)
    const again = loadPlan(once)
    if (!again.ok) throw new Error('saved plan must load')
    expect(savePlan(again.value)).toBe(once)
  })

  it('writes the layout in the plan\'s order of entities, whatever order its places were made in', () => {
    const plan = soundPlan()
    const places = { ex01: { x: 3, y: 3 }, 'hv01-db': { x: 2, y: 2 }, 'ex01-logs': { x: 5, y: 5 }, hv01: { x: 1, y: 1 }, 'ex01-boot': { x: 4, y: 4 } }
    const reversed = Object.fromEntries(Object.entries(places).reverse())
    const one = savePlan({ ...plan, layout: places })
    expect(savePlan({ ...plan, layout: reversed })).toBe(one)
    expect(Object.keys(JSON.parse(one).layout)).toEqual(['hv01', 'hv01-db', 'ex01', 'ex01-boot', 'ex01-logs'])
    // An entity id that is also a property of every object is an entry like any other.
    const constructorHost = edit(plan, (d) => { d.hosts[0]!.id = 'constructor' })
    expect(JSON.parse(savePlan({ ...constructorHost, layout: { constructor: { x: 0, y: 0 } } })).layout).toEqual({ constructor: { x: 0, y: 0 } })
  })

  it('fills the defaults a hand-written file may leave out, and writes every field', () => {
    const minimal = {
      format: 'vexplan/plan', version: 1, name: 'Minimal', organization: { mailboxes: 10 },
      hosts: [{
        id: 'h1', name: 'H1', hypervisor: 'hyper-v-2008',
        hardware: { sockets: 1, coresPerSocket: 4, threadsPerCore: 1, ramGB: 16, x64: true, hardwareVirtualization: true, dep: true, certified: true },
        parent: { edition: 'standard', installation: 'core' },
        vms: [{ id: 'v1', name: 'V1', guestOs: 'ws2008-x64', vcpus: 2, ramGB: 4, disks: [{ id: 'd1', name: 'D1', kind: 'fixed-vhd', controller: 'ide0', sizeGB: 40 }] }],
      }],
    }
    const result = loadPlan(JSON.stringify(minimal))
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    const plan = result.value
    expect(plan.storage).toEqual([])
    expect(plan.layout).toEqual({})
    expect(plan.organization.activeDirectory).toBe(true)
    const host = plan.hosts[0]!
    expect([host.svvpValidated, host.hyperVRtmUpdate, host.cluster, host.mobility]).toEqual([false, true, null, 'none'])
    expect(host.parent).toEqual({ edition: 'standard', installation: 'core', roles: [], applications: [], exchange: null, backup: { method: 'none' } })
    const vm = host.vms[0]!
    expect([vm.integrationComponents, vm.dynamicMemory, vm.snapshots, vm.stopAction, vm.exchange]).toEqual(['rtm', false, 0, 'shutdown', null])
    expect(vm.backup).toEqual({ method: 'none' })
    expect(vm.disks[0]!.backing).toBeNull()
    expect(Object.keys(JSON.parse(savePlan(plan)))).toEqual(['format', 'version', 'name', 'organization', 'hosts', 'storage', 'layout'])
  })

  it('names the JSON path and what is wrong for a bad enum value', () => {
    const plan = JSON.parse(seedText)
    plan.hosts[0].vms[0].disks[0].kind = 'dynamic'
    const [problem] = problemsOf(JSON.stringify(plan))
    expect(problem!.path).toBe('hosts[0].vms[0].disks[0].kind')
    expect(problem!.message).toMatch(/must be one of .*"fixed-vhd".*got "dynamic"/)
  })

  it('says a missing enum field is missing, and what it may be', () => {
    const plan = JSON.parse(seedText)
    delete plan.hosts[0].hypervisor
    const [problem] = problemsOf(JSON.stringify(plan))
    expect(problem!.path).toBe('hosts[0].hypervisor')
    expect(problem!.message).toMatch(/^is required but missing; it must be one of .*"hyper-v-2008"/)
  })

  it('lists every schema problem, not only the first', () => {
    const plan = JSON.parse(seedText)
    plan.hosts[0].hardware.threadsPerCore = 4
    plan.hosts[0].vms[0].vcpus = 0
    delete plan.name
    plan.hosts[0].vms[0].colour = 'red'
    const paths = problemsOf(JSON.stringify(plan)).map((p) => p.path)
    expect(paths).toEqual(expect.arrayContaining(['name', 'hosts[0].hardware.threadsPerCore', 'hosts[0].vms[0].vcpus', 'hosts[0].vms[0].colour']))
  })

  it('rejects text that is not JSON, JSON that is not a plan, and other formats', () => {
    expect(problemsOf('{ "format": ')[0]!.message).toMatch(/not valid JSON/)
    expect(problemsOf('[1, 2]')[0]!.message).toMatch(/not a vexplan plan/)
    expect(problemsOf('{"format": "excalidraw"}')[0]).toMatchObject({ path: 'format' })
  })

  it('says a plan from a newer vexplan was made by a newer vexplan', () => {
    const [problem] = problemsOf(JSON.stringify({ format: 'vexplan/plan', version: 2 }))
    expect(problem).toMatchObject({ path: 'version' })
    expect(problem!.message).toMatch(/made by a newer vexplan/)
  })

  it('rejects files over the size limit before parsing them', () => {
    const huge = ' '.repeat(MAX_PLAN_BYTES + 1)
    expect(problemsOf(huge)[0]!.message).toMatch(/64 MB/)
  })

  it('checks cross-references: duplicate ids, dangling and wrong-kind backings, LUNs, VMs on bare metal', () => {
    const dup = edit(soundPlan(), (d) => { first(d).vm.disks[1]!.id = 'ex01-boot' })
    expect(problemsOf(savePlan(dup))[0]).toEqual({ path: 'hosts[0].vms[0].disks[1].id', message: '"ex01-boot" is already the id of the virtual disk at hosts[0].vms[0].disks[0]; every id must be unique across the plan', where: 'HV01 › EX01 › Database' })

    const dangling = edit(soundPlan(), (d) => { first(d).vm.disks[1]!.backing = 'nowhere' })
    expect(problemsOf(savePlan(dangling))[0]).toMatchObject({ path: 'hosts[0].vms[0].disks[1].backing', message: expect.stringMatching(/no entity/) })

    const wrongKind = edit(soundPlan(), (d) => { first(d).vm.disks[1]!.backing = 'ex01' })
    expect(problemsOf(savePlan(wrongKind))[0]!.message).toMatch(/is a VM .* must be a physical disk/)

    const lunOnVhd = edit(soundPlan(), (d) => {
      d.storage.push({ id: 'san', name: 'SAN', protocol: 'iscsi', luns: [{ id: 'lun1', name: 'LUN 1', sizeGB: 100 }] })
      first(d).vm.disks[1]!.backing = 'lun1'
    })
    expect(problemsOf(savePlan(lunOnVhd))[0]!.message).toMatch(/is a LUN .* must be a physical disk/)

    const badLun = edit(soundPlan(), (d) => { first(d).host.disks[1]!.lun = 'hv01-db' })
    expect(problemsOf(savePlan(badLun))[0]).toMatchObject({ path: 'hosts[0].disks[1].lun' })

    const bareMetal = edit(soundPlan(), (d) => { first(d).host.hypervisor = 'none' })
    expect(problemsOf(savePlan(bareMetal))[0]).toMatchObject({ path: 'hosts[0].vms', message: expect.stringMatching(/^holds a VM, but .* is a bare-metal server .* or move the VM to another host$/) })

    const noController = edit(soundPlan(), (d) => { first(d).vm.disks[1]!.controller = null })
    expect(problemsOf(savePlan(noController))[0]).toMatchObject({ path: 'hosts[0].vms[0].disks[1].controller' })
  })

  it('reports reference problems together with schema problems, each at its path', () => {
    const plan = JSON.parse(seedText)
    plan.hosts[0].hypervisor = 'kvm'
    plan.hosts[0].vms[0].id = 'hv01'
    plan.hosts[0].vms[0].disks[0].backing = 'nowhere'
    expect(problemsOf(JSON.stringify(plan)).map((p) => p.path)).toEqual([
      'hosts[0].hypervisor', 'hosts[0].vms[0].id', 'hosts[0].vms[0].disks[0].backing',
    ])
  })

  it('checks references of a document that failed the schema without tripping on its bad parts', () => {
    const plan = JSON.parse(seedText)
    plan.hosts[0].vms[0].disks[0].kind = 'vmdk'
    plan.hosts[0].vms[0].disks[0].controller = null
    plan.hosts[0].disks = 'none'
    plan.hosts.push(null)
    expect(problemsOf(JSON.stringify(plan)).map((p) => p.path)).toEqual(['hosts[0].disks', 'hosts[0].vms[0].disks[0].kind', 'hosts[1]'])
  })

  it('reports a backing that names nothing even on a disk whose kind is wrong', () => {
    const plan = JSON.parse(seedText)
    plan.hosts[0].vms[0].disks[0].kind = 'vhdx'
    plan.hosts[0].vms[0].disks[0].backing = 'nope'
    expect(problemsOf(JSON.stringify(plan))).toEqual([
      { path: 'hosts[0].vms[0].disks[0].kind', message: expect.stringMatching(/^must be one of/), where: 'HV01 › EX01 › Boot (pass-through)' },
      { path: 'hosts[0].vms[0].disks[0].backing', message: 'refers to "nope", but no entity has that id', where: 'HV01 › EX01 › Boot (pass-through)' },
    ])
  })

  it('lets a guest-attached disk leave out its controller (null), and says which controllers a VHD may use', () => {
    const iscsi = JSON.parse(seedText)
    iscsi.storage = [{ id: 'san', name: 'SAN', protocol: 'iscsi', luns: [{ id: 'san-1', name: 'LUN 1', sizeGB: 100 }] }]
    iscsi.hosts[0].vms[0].disks.push({ id: 'ex01-iscsi', name: 'Logs', kind: 'iscsi-guest', sizeGB: 100, backing: 'san-1' })
    const loaded = loadPlan(JSON.stringify(iscsi))
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems))
    expect(loaded.value.hosts[0]!.vms[0]!.disks.at(-1)?.controller).toBeNull()
    const vhd = JSON.parse(seedText)
    vhd.hosts[0].vms[0].disks.push({ id: 'ex01-vhd', name: 'Logs', kind: 'fixed-vhd', sizeGB: 100 })
    expect(problemsOf(JSON.stringify(vhd))).toEqual([
      { path: 'hosts[0].vms[0].disks[1].controller', message: expect.stringMatching(/^must name a virtual controller \(ide0, ide1 or scsi0–scsi3\): Logs is a fixed-vhd disk, and only/), where: 'HV01 › EX01 › Logs' },
    ])
    // Left out in a file with another problem too: both are reported, not the controller only once the other is fixed.
    vhd.hosts[0].mobility = 'vmotion'
    expect(problemsOf(JSON.stringify(vhd)).map((problem) => problem.path)).toEqual(['hosts[0].mobility', 'hosts[0].vms[0].disks[1].controller'])
  })

  it('tells a field that may be null that null is allowed too', () => {
    const plan = JSON.parse(seedText)
    plan.hosts[0].vms[0].exchange = '2010'
    plan.hosts[0].cluster = 5
    plan.hosts[0].vms[0].disks[0].controller = 5
    expect(problemsOf(JSON.stringify(plan))).toEqual([
      { path: 'hosts[0].cluster', message: 'must be text (a string) or null (got 5)', where: 'HV01' },
      { path: 'hosts[0].vms[0].disks[0].controller', message: 'must be one of "ide0", "ide1", "scsi0", "scsi1", "scsi2", "scsi3" or null (got 5)', where: 'HV01 › EX01 › Boot (pass-through)' },
      { path: 'hosts[0].vms[0].exchange', message: 'must be an object or null (got "2010")', where: 'HV01 › EX01' },
    ])
  })

  it('takes layout keys as ids: one that is not is rejected, never dropped (not even "__proto__")', () => {
    const plan = JSON.parse(seedText)
    plan.layout = { hv01: { x: 1, y: 2 }, 'not an id': { x: 3, y: 4 } }
    expect(problemsOf(JSON.stringify(plan))).toEqual([{ path: 'layout["not an id"]', message: expect.stringMatching(/^is not an id/) }])
    const proto = seedText.replace('"layout": {}', '"layout": { "__proto__": { "x": 1, "y": 2 } }')
    expect(proto).toContain('__proto__')
    expect(problemsOf(proto)).toEqual([{ path: 'layout.__proto__', message: expect.stringMatching(/^is not an id/) }])
  })

  it('refuses a layout key that names no entity, which the next save would drop (export, import, export must agree)', () => {
    const plan = JSON.parse(seedText)
    plan.layout = { hv01: { x: 1, y: 2 }, ghost: { x: 3, y: 4 }, ex01: { x: 5, y: 6 } }
    expect(problemsOf(JSON.stringify(plan))).toEqual([
      { path: 'layout.ghost', message: 'is the place of "ghost", but no entity has that id; remove it, or give the entity it was for that id' },
    ])
    delete plan.layout.ghost
    expect(loadPlan(JSON.stringify(plan)).ok).toBe(true)
  })

  it('lets a hand-written file leave out an empty hosts list, like every other empty list', () => {
    const result = loadPlan(JSON.stringify({ format: 'vexplan/plan', version: 1, name: 'Empty', organization: { mailboxes: 0 } }))
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.value.hosts).toEqual([])
    expect(Object.keys(JSON.parse(savePlan(result.value)))).toEqual(['format', 'version', 'name', 'organization', 'hosts', 'storage', 'layout'])
  })

  it('says an empty file is empty, reads text with a byte-order mark, and never shows a huge number as null', () => {
    expect(problemsOf(' \n')).toEqual([{ path: '(the whole file)', message: expect.stringMatching(/^is empty/) }])
    expect(loadPlan(`\uFEFF${seedText}`).ok).toBe(true)
    const huge = seedText.replace('"sizeGB": 146', '"sizeGB": 1e400')
    expect(problemsOf(huge)).toEqual([{ path: 'hosts[0].disks[0].sizeGB', message: 'is a number too large to use (JSON reads it as infinity)', where: 'HV01 › Disk 1' }])
  })

  it('refuses a size too large to add up in whole gigabytes, which findings would show as "∞ GB"', () => {
    const huge = seedText.replace('"sizeGB": 146', '"sizeGB": 1e308')
    expect(problemsOf(huge)).toEqual([{ path: 'hosts[0].disks[0].sizeGB', message: 'is a number too large to use (at most 9,007,199,254,740,991) (got 1e+308)', where: 'HV01 › Disk 1' }])
    expect(loadPlan(seedText.replace('"sizeGB": 146', '"sizeGB": 9007199254740991')).ok).toBe(true)
    // A whole number (mailboxes) past that says so in the same words.
    const mailboxes = JSON.parse(seedText)
    mailboxes.organization.mailboxes = 1e16
    expect(problemsOf(JSON.stringify(mailboxes))).toEqual([{ path: 'organization.mailboxes', message: 'is a number too large to use (at most 9,007,199,254,740,991) (got 10000000000000000)' }])
  })

  it('tells a value written as a number where the format wants it in quotes', () => {
    const plan = edit(soundPlan(), (d) => { (first(d).vm.exchange as { version: unknown }).version = 2007 })
    expect(problemsOf(JSON.stringify(plan))).toEqual([{ path: 'hosts[0].vms[0].exchange.version', message: 'must be text in quotes: "2007", not 2007', where: 'HV01 › EX01' }])
  })

  it('refuses a VM disk backed by a disk of another host', () => {
    const plan = edit(soundPlan(), (d) => {
      const other = structuredClone(first(d).host)
      other.id = 'hv02'; other.name = 'HV02'; other.vms = []
      other.disks = [{ id: 'hv02-d', name: 'Disk', sizeGB: 100, online: false, contents: [], lun: null }]
      d.hosts.push(other)
      first(d).vm.disks[1]!.backing = 'hv02-d'
    })
    expect(problemsOf(savePlan(plan))[0]!.message).toMatch(/a disk of host HV02; a VM on HV01 can only use disks of its own host/)
  })

  it('refuses input nested thousands of levels deep with its path, where copying it would overflow the stack', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
    const deep = seedText.replace('"name": "Seed', `"extra": ${nested(5000)}, "name": "Seed`)
    const problems = problemsOf(deep)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.path).toMatch(/^extra(\[0\]){31}$/)
    expect(problems[0]!.message).toBe(`nests more than ${MAX_DEPTH} levels deep; nothing in a plan nests that deep`)
    // Just within the limit, the same key is an ordinary unknown field.
    expect(problemsOf(seedText.replace('"name": "Seed', `"extra": ${nested(MAX_DEPTH - 1)}, "name": "Seed`))[0]!.message).toBe("is an unknown field; the plan file format (version 1) has no field of that name here")
  })

  it('lists 150,000 problems without overflowing the stack', () => {
    const plan = JSON.parse(seedText) as { hosts: unknown[] }
    plan.hosts = Array.from({ length: 150_000 }, () => 1)
    const problems = problemsOf(JSON.stringify(plan))
    expect(problems).toHaveLength(150_000)
    expect(problems[149_999]).toEqual({ path: 'hosts[149999]', message: 'must be an object (got 1)' })
  })

  it('says where JSON breaks, by line and column, in the same words in every engine', () => {
    const text = seedText.replace('"mailboxes": 250', '"mailboxes": NaN')
    const line = text.slice(0, text.indexOf('NaN')).split('\n').length
    expect(problemsOf(text)).toEqual([{ path: '(the whole file)', message: `is not valid JSON at line ${line}, column 34: expected a value but found "NaN"` }])
  })

  it('names each unknown field at its own path, says a missing field is missing, and speaks of objects, not records', () => {
    const plan = JSON.parse(seedText)
    plan.hosts[0].vms[0].memory = 4
    plan.colour = 'red'
    delete plan.hosts[0].hardware.threadsPerCore
    plan.layout = []
    expect(problemsOf(JSON.stringify(plan))).toEqual(expect.arrayContaining([
      { path: 'hosts[0].vms[0].memory', message: 'is an unknown field; the plan file format (version 1) has no field of that name here', where: 'HV01 › EX01' },
      { path: 'colour', message: 'is an unknown field; the plan file format (version 1) has no field of that name here' },
      { path: 'hosts[0].hardware.threadsPerCore', message: 'is required but missing; it must be 1 or 2', where: 'HV01' },
      { path: 'layout', message: 'must be an object (got [])' },
    ]))
  })

  it('refuses a field given twice, which JSON.parse would silently keep only once', () => {
    const text = seedText.replace('"name": "Seed', '"hosts": [],\n  "name": "Seed')
    const problems = problemsOf(text)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.path).toBe('hosts')
    expect(problems[0]!.message).toMatch(/^is given twice in one object \(the second time at line \d+, column 3\); keep one/)
  })

  it('lists every field given twice, where it is, and the other problems of the file with them', () => {
    const plan = JSON.parse(seedText) as { hosts: { vms: { vcpus: number }[] }[] }
    plan.hosts[0]!.vms[0]!.vcpus = 0
    const text = JSON.stringify(plan, null, 2)
      .replace('"name": "HV01"', '"name": "HV01", "name": "HV02"')
      .replace('"name": "EX01"', '"name": "EX01", "name": "EX02"')
    expect(problemsOf(text)).toEqual([
      { path: 'hosts[0].name', message: expect.stringMatching(/^is given twice in one object/), where: 'HV02' },
      { path: 'hosts[0].vms[0].name', message: expect.stringMatching(/^is given twice in one object/), where: 'HV02 › EX02' },
      { path: 'hosts[0].vms[0].vcpus', message: expect.stringMatching(/^must be/), where: 'HV02 › EX02' },
    ])
  })

  it('says a ten-million-character name is too long, instead of overflowing a stack', () => {
    const text = seedText.replace('"name": "Seed article: Exchange 2007 SP1 on Hyper-V, two-disk host"', `"name": "${'x'.repeat(10_000_000)}"`)
    expect(problemsOf(text)).toEqual([{ path: 'name', message: expect.stringMatching(/^must be at most 120 characters long/) }])
  })

  it('refuses a name with an invisible direction mark, which would show every finding quoting it reversed', () => {
    const plan = JSON.parse(seedText)
    plan.hosts[0].vms[0].name = 'EX\u202E01'
    // The name is not quoted back where the problem is that it would show reversed: the id stands in.
    expect(problemsOf(JSON.stringify(plan))).toEqual([{ path: 'hosts[0].vms[0].name', message: expect.stringMatching(/^must not contain control characters or invisible direction marks/), where: 'HV01 › ex01' }])
  })

  it('refuses direction marks and control characters in cluster labels and backup products, which findings quote as they do names', () => {
    const plan = JSON.parse(seedText)
    plan.hosts[0].cluster = 'CLU\u202E1'
    plan.hosts[0].vms[0].backup = { method: 'agent', product: 'DPM\u0007' }
    plan.hosts[0].vms[0].exchange.cluster = { kind: 'ccr', id: 'CCR\t1' }
    const plain = expect.stringMatching(/^must not contain control characters or invisible direction marks/)
    expect(problemsOf(JSON.stringify(plan)).map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'hosts[0].cluster', message: plain },
      { path: 'hosts[0].vms[0].exchange.cluster.id', message: plain },
      { path: 'hosts[0].vms[0].backup.product', message: plain },
    ])
    const spaced = JSON.parse(seedText)
    spaced.hosts[0].cluster = 'Cluster A (site 1)'
    expect(loadPlan(JSON.stringify(spaced)).ok).toBe(true)
  })

  it('refuses a name that shows nothing: only spaces or zero-width characters', () => {
    for (const blank of ['   ', '\u200B', ' \u2060\uFEFF ']) {
      const plan = JSON.parse(seedText)
      plan.hosts[0].name = blank
      expect(problemsOf(JSON.stringify(plan)), JSON.stringify(blank)).toEqual([
        { path: 'hosts[0].name', message: expect.stringMatching(/^must show something: it is only spaces or invisible characters/), where: 'hv01' },
      ])
    }
    const spaced = JSON.parse(seedText)
    spaced.hosts[0].name = ' HV 01 '
    expect(loadPlan(JSON.stringify(spaced)).ok).toBe(true)
  })

  it('never quotes back a direction mark or a control character as it is: it is written as \\uXXXX', () => {
    const plan = JSON.parse(seedText)
    plan.hosts[0].vms[0].name = 'EX\u202E01'
    plan.hosts[0].name = 'HV\u009B2J'
    const messages = problemsOf(JSON.stringify(plan)).map((p) => p.message)
    expect(messages.join('\n')).not.toMatch(/[\u202E\u009B]/)
    expect(messages).toEqual([expect.stringContaining('(got "HV\\u009B2J")'), expect.stringContaining('(got "EX\\u202E01")')])
    expect(problemsOf('\u001B[2J')[0]!.message).toBe('is not valid JSON at line 1, column 1: expected a value but found "\\u001B"')
    const utf16 = Array.from('{"format": 1}').map((c) => `\u0000${c}`).join('')
    expect(problemsOf(utf16)[0]!.message).toMatch(/found a NUL character \(\\u0000; is the file UTF-16 without a byte-order mark\? save it as UTF-8\)$/)
  })
})

describe('loadPlan, what each refusal says and where (mutation-testing gaps)', () => {
  const sound = () => JSON.parse(savePlan(soundPlan()))
  const valueProblems = (json: unknown) => {
    const result = loadPlanValue(json)
    if (result.ok) throw new Error('expected the load to fail')
    return result.problems
  }

  it('refuses JSON that is no object as a whole, never throwing', () => {
    for (const json of [null, 5, 'plan', [], [sound()]]) {
      expect(valueProblems(json)).toEqual([{ path: '(the whole file)', message: 'is not a vexplan plan: expected a JSON object with "format": "vexplan/plan"' }])
    }
  })

  it('says what is wrong with the format and the version', () => {
    expect(valueProblems({ ...sound(), format: undefined })).toEqual([{ path: 'format', message: 'is missing, not "vexplan/plan": this is not a vexplan plan' }])
    expect(valueProblems({ ...sound(), format: 'x'.repeat(38) })).toEqual([{ path: 'format', message: `is "${'x'.repeat(38)}", not "vexplan/plan": this is not a vexplan plan` }])
    expect(valueProblems({ ...sound(), format: 'x'.repeat(50) })).toEqual([{ path: 'format', message: `is "${'x'.repeat(36)}…, not "vexplan/plan": this is not a vexplan plan` }])
    for (const [version, described] of [['1', '"1"'], [1.5, '1.5'], [0, '0'], [-1, '-1'], [null, 'null'], [undefined, 'missing']] as const) {
      expect(valueProblems({ ...sound(), version })).toEqual([{ path: 'version', message: `is ${described}; it must be a whole number from 1` }])
    }
    expect(problemsOf(savePlan(soundPlan()).replace('"version": 1', '"version": 1e400'))).toEqual([{ path: 'version', message: 'is a number out of range; it must be a whole number from 1' }])
  })

  it('names the host, VM and disk that deep nesting is in', () => {
    let deep: unknown = 'os'
    for (let i = 0; i < MAX_DEPTH + 2; i++) deep = [deep]
    const document = sound()
    document.hosts[0].vms[0].disks[0].contents = deep
    expect(valueProblems(document)).toEqual([{ path: expect.stringMatching(/^hosts\[0\]\.vms\[0\]\.disks\[0\]\.contents/), message: expect.stringMatching(/^nests more than/), where: 'HV01 › EX01 › Boot' }])
  })

  it('finds deep nesting in any item of a list, not only the first', () => {
    let deep: unknown = 1
    for (let i = 0; i < MAX_DEPTH + 5; i++) deep = [deep]
    const document = sound()
    document.hosts.push(deep)
    const problems = valueProblems(document)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.path).toMatch(/^hosts\[1\]\[0\]/)
    expect(problems[0]!.message).toBe(`nests more than ${MAX_DEPTH} levels deep; nothing in a plan nests that deep`)
  })

  it('refuses a layout that is null, at its path', () => {
    expect(valueProblems({ ...sound(), layout: null })).toEqual([{ path: 'layout', message: 'must be an object (got null)' }])
  })

  it('words each kind of schema problem for its field', () => {
    const cases: [(d: ReturnType<typeof sound>) => void, string, string][] = [
      [(d) => { delete d.name }, 'name', 'is required but missing'],
      [(d) => { d.name = '' }, 'name', 'must not be empty (got "")'],
      [(d) => { d.name = 'x'.repeat(121) }, 'name', `must be at most 120 characters long (got "${'x'.repeat(36)}…)`],
      [(d) => { d.hosts[0].vms[0].vcpus = 0 }, 'hosts[0].vms[0].vcpus', 'must be at least 1 (got 0)'],
      [(d) => { d.hosts[0].vms[0].vcpus = 1.5 }, 'hosts[0].vms[0].vcpus', 'must be an integer (got 1.5)'],
      [(d) => { d.hosts[0].vms[0].ramGB = 0 }, 'hosts[0].vms[0].ramGB', 'must be greater than 0 (got 0)'],
      [(d) => { d.hosts[0].vms[0].ramGB = '8' }, 'hosts[0].vms[0].ramGB', 'must be a number (got "8")'],
      [(d) => { d.hosts[0].hardware.threadsPerCore = 3 }, 'hosts[0].hardware.threadsPerCore', 'must be 1 or 2 (got 3)'],
      [(d) => { d.hosts[0].hardware.x64 = 'yes' }, 'hosts[0].hardware.x64', 'must be true or false (got "yes")'],
      [(d) => { d.hosts[0].name = 5 }, 'hosts[0].name', 'must be text (a string) (got 5)'],
      [(d) => { d.hosts = {} }, 'hosts', 'must be an array (got {})'],
      [(d) => { d.hosts[0].vms[0].exchange.roles = [] }, 'hosts[0].vms[0].exchange.roles', 'must name at least one Exchange role (got [])'],
      [(d) => { d.hosts[0].cluster = 5 }, 'hosts[0].cluster', 'must be text (a string) or null (got 5)'],
    ]
    for (const [change, path, message] of cases) {
      const document = sound()
      change(document)
      // Where the path runs through a host and VM, their names say where (the id when the name is bad).
      const where = path.startsWith('hosts[0].vms[0].') ? 'HV01 › EX01' : path === 'hosts[0].name' ? 'hv01' : path.startsWith('hosts[0].') ? 'HV01' : undefined
      expect(valueProblems(document), path).toEqual([where ? { path, message, where } : { path, message }])
    }
  })

  it('measures the size limit in UTF-8 bytes, not characters, and allows exactly the limit', () => {
    const euros = '€'.repeat(Math.floor(MAX_PLAN_BYTES / 3) + 1)
    expect(problemsOf(euros)).toEqual([{ path: '(the whole file)', message: 'is 67,108,866 bytes; vexplan opens plans up to 64 MB (67,108,864 bytes)' }])
    expect(problemsOf(' '.repeat(MAX_PLAN_BYTES))[0]!.message).toMatch(/^is empty/)
  })
})
