import { execFile, spawn } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { embedPlanInPng, RULES, savePlan, tooLarge } from '../core/index.ts'
import { onePixelPng } from '../core/io/io-test-fixtures.ts'
import { generateEstate } from '../core/testing/estate.ts'
import { edit, first, soundPlan } from '../core/testing/plan-builder.ts'
import { parseArgs } from './args.ts'
import { readFileWithin, readPlanFile } from './read-plan.ts'
import { main } from './vexplan.ts'

const dir = mkdtempSync(join(tmpdir(), 'vexplan-cli-'))
const write = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const sound = write('sound.json', savePlan(soundPlan()))
const broken = write('broken.json', savePlan(edit(soundPlan(), (d) => { first(d).vm.disks[0]!.kind = 'dynamic-vhd' })))
const invalid = write('invalid.json', JSON.stringify({ ...soundPlan(), hosts: [{ ...soundPlan().hosts[0], hypervisor: 'kvm' }] }))

async function run(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, { stdout: (t) => { stdout += t }, stderr: (t) => { stderr += t }, color: false })
  return { code, stdout, stderr }
}

describe('vexplan validate', () => {
  it('colours each stream only where that stream is a terminal', async () => {
    const capture = async (file: string, color: boolean, colorStderr: boolean) => {
      let stdout = ''
      let stderr = ''
      await main(['validate', file], { stdout: (t) => { stdout += t }, stderr: (t) => { stderr += t }, color, colorStderr })
      return { stdout, stderr }
    }
    const ESC = String.fromCharCode(27)
    // stdout a terminal, stderr sent to a log: the problems in the log are plain.
    expect((await capture(invalid, true, false)).stderr).not.toContain(ESC)
    expect((await capture(invalid, false, true)).stderr).toContain(ESC)
    expect((await capture(broken, true, false)).stdout).toContain(ESC)
    expect((await capture(broken, false, true)).stdout).not.toContain(ESC)
  })

  it('exits 0 for a plan without errors and prints a summary', async () => {
    const { code, stdout } = await run('validate', sound)
    expect(code).toBe(0)
    expect(stdout).toMatch(/Summary: 0 errors, 0 warnings/)
  })

  it('exits 1 when a finding is at or above --fail-on, grouped by severity', async () => {
    const { code, stdout } = await run('validate', broken)
    expect(code).toBe(1)
    expect(stdout).toMatch(/Errors \(\d+\)/)
    expect(stdout).toMatch(/dynamic-vhd-unsupported/)
  })

  it('groups thousands in every count of its text, as findings do', async () => {
    const { stdout } = await run('validate', write('estate.json', savePlan(generateEstate(1000))))
    expect(stdout).toMatch(/^Info \(3,\d{3}\)$/m)
    expect(stdout).toMatch(/^Summary: 1,\d{3} errors, 1,\d{3} warnings, 3,\d{3} info$/m)
  })

  it('--fail-on info fails on infos; --fail-on error ignores them', async () => {
    expect((await run('validate', sound, '--fail-on', 'info')).code).toBe(1)
    expect((await run('validate', sound, '--fail-on=error')).code).toBe(0)
  })

  it('prints JSON: plan, findings and summary', async () => {
    const { code, stdout } = await run('validate', broken, '--format', 'json')
    expect(code).toBe(1)
    const out = JSON.parse(stdout)
    expect(Object.keys(out)).toEqual(['plan', 'findings', 'summary'])
    expect(out.plan).toBe('Test plan')
    expect(Object.keys(out.summary)).toEqual(['error', 'warning', 'info'])
    expect(Object.keys(out.findings[0])).toEqual(['rule', 'severity', 'subject', 'related', 'message', 'fix', 'source'])
  })

  it('exits 2 with the path of each problem for an invalid plan, and for a missing file', async () => {
    const bad = await run('validate', invalid)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/hosts\[0\]\.hypervisor must be one of .* \(in HV01\)$/m)
    const missing = await run('validate', join(dir, 'nope.json'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/^vexplan: cannot read .*nope\.json: no such file$/m)
    expect(missing.stderr).not.toMatch(/not a valid plan/)
    const empty = await run('validate', '')
    expect(empty.code).toBe(2)
    expect(empty.stderr).toMatch(/validate needs the path of a plan file \(the one given is empty\)/)
    expect(missing.stderr).not.toMatch(/at .*\.ts:\d+/)
  })

  it('says in plain words why a path cannot be read: a file used as a folder, a loop of links', async () => {
    const file = write('a-file.json', '{}')
    const underFile = await run('validate', join(file, 'plan.json'))
    expect(underFile.code).toBe(2)
    expect(underFile.stderr).toMatch(/cannot read .*plan\.json: a part of the path before the file name is a file, not a folder$/m)
    symlinkSync(join(dir, 'loop-b.json'), join(dir, 'loop-a.json'))
    symlinkSync(join(dir, 'loop-a.json'), join(dir, 'loop-b.json'))
    const loop = await run('validate', join(dir, 'loop-a.json'))
    expect(loop.code).toBe(2)
    expect(loop.stderr).toMatch(/cannot read .*loop-a\.json: the path runs in a loop of symbolic links$/m)
    expect(loop.stderr + underFile.stderr).not.toMatch(/ENOTDIR|ELOOP|open '/)
  })

  it('keeps the system\'s own words for a read error it has no wording for, without its code and path', async () => {
    const odd = Object.assign(new Error("EWEIRD: the disk went away, open '/mnt/plans/a.json'"), { code: 'EWEIRD' })
    const result = await readPlanFile('/mnt/plans/a.json', () => Promise.reject(odd))
    expect(result).toEqual({ ok: false, problems: [{ path: '(the whole file)', message: 'cannot be read: the disk went away' }] })
  })

  it('exits 2 naming every problem of an invalid plan, schema and references alike, in JSON too', async () => {
    const plan = JSON.parse(savePlan(soundPlan()))
    plan.hosts[0].hypervisor = 'kvm'
    plan.hosts[0].vms[0].disks[0].backing = 'nowhere'
    const { code, stdout } = await run('validate', write('two-problems.json', JSON.stringify(plan)), '--format', 'json')
    expect(code).toBe(2)
    expect(JSON.parse(stdout).problems.map((p: { path: string; where?: string }) => [p.path, p.where])).toEqual([['hosts[0].hypervisor', 'HV01'], ['hosts[0].vms[0].disks[0].backing', 'HV01 › EX01 › Boot']])
  })

  it('exits 2 with usage on bad arguments', async () => {
    expect((await run('validate')).code).toBe(2)
    // No command at all: the usage, on stderr, exit 2 (help asked for is exit 0).
    const bare = await run()
    expect([bare.code, bare.stdout, bare.stderr.split('\n')[0]]).toEqual([2, '', 'vexplan: no command given'])
    expect((await run('--help')).code).toBe(0)
    expect((await run('validate', sound, '--fail-on', 'fatal')).stderr).toMatch(/--fail-on takes/)
    expect((await run('lint', sound)).code).toBe(2)
    expect(parseArgs(['validate', 'a.json', '--format', 'json'])).toEqual({ command: 'validate', file: 'a.json', format: 'json', failOn: 'error' })
  })
})

describe('vexplan rules', () => {
  it('lists every rule, as text and as JSON', async () => {
    const text = await run('rules')
    expect(text.code).toBe(0)
    for (const rule of RULES) expect(text.stdout).toContain(rule.id)
    const json = JSON.parse((await run('rules', '--format', 'json')).stdout)
    expect(json.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id))
    expect(Object.keys(json[0] ?? { id: 0, severity: 0, title: 0, section: 0, source: 0 })).toEqual(['id', 'severity', 'severities', 'title', 'section', 'source'])
    // A rule the catalogue escalates for some plans lists every severity its findings can have.
    expect(json.find((r: { id: string }) => r.id === 'iscsi-in-guest-perf')).toMatchObject({ severity: 'info', severities: ['info', 'warning'] })
    expect(json.find((r: { id: string }) => r.id === 'dynamic-vhd-unsupported')).toMatchObject({ severity: 'error', severities: ['error'] })
    expect(text.stdout).toMatch(/iscsi-in-guest-perf +info +iSCSI from inside the Exchange guest is supported but slower than pass-through · also warning\n/)
  })
})

describe('the installed command', () => {
  it('runs through bin/vexplan.js with real exit codes', async () => {
    const bin = new URL('../../bin/vexplan.js', import.meta.url).pathname
    const ok = await promisify(execFile)('node', [bin, 'validate', sound])
    expect(ok.stdout).toMatch(/Summary:/)
    const failed = await promisify(execFile)('node', [bin, 'validate', invalid]).catch((error: { code: number; stderr: string }) => error)
    expect(failed).toMatchObject({ code: 2 })
  }, 20_000)

  it('reads standard input for "-", and takes every argument after "--" as a file', async () => {
    const bin = new URL('../../bin/vexplan.js', import.meta.url).pathname
    const viaStdin = (file: string) => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('node', [bin, 'validate', '-'], { stdio: ['pipe', 'pipe', 'pipe'] })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
      child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
      child.on('close', (code) => resolve({ code, stdout, stderr }))
      child.stdin.end(readFileSync(file))
    })
    expect(await viaStdin(sound)).toMatchObject({ code: 0, stdout: expect.stringMatching(/standard input/) })
    expect(await viaStdin(broken)).toMatchObject({ code: 1 })
    expect(await viaStdin(invalid)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^vexplan: standard input is not a valid plan/) })
    const dashed = write('-dashed.json', savePlan(soundPlan()))
    expect(parseArgs(['validate', '--', '-dashed.json'])).toMatchObject({ command: 'validate', file: '-dashed.json' })
    expect(parseArgs(['validate', '-dashed.json'])).toMatchObject({ error: 'unknown option "-dashed.json" for "vexplan validate"' })
    // --help after a command is a request for help, as before one: the usage, exit 0.
    for (const argv of [['validate', '--help'], ['validate', 'plan.json', '-h'], ['rules', '--help']]) expect(parseArgs(argv)).toEqual({ command: 'help' })
    expect(parseArgs(['validate', '--', '--help'])).toMatchObject({ command: 'validate', file: '--help' })
    expect((await run('validate', '--', dashed)).code).toBe(0)
  }, 20_000)

  it.runIf(existsSync('/dev/full'))('says in one line that the output could not be written (a full disk), and exits 2', async () => {
    const bin = new URL('../../bin/vexplan.js', import.meta.url).pathname
    for (const argv of [['validate', sound], ['validate', invalid, '--format', 'json'], ['rules']]) {
      const full = openSync('/dev/full', 'w')
      const child = spawn('node', [bin, ...argv], { stdio: ['ignore', full, 'pipe'] })
      let stderr = ''
      child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
      closeSync(full)
      expect({ code, stderr }).toEqual({ code: 2, stderr: 'vexplan: could not write to standard output: ENOSPC: no space left on device, write\n' })
    }
  }, 30_000)

  it('stops quietly when the reader closes the pipe early (`| head`), and keeps its exit code', async () => {
    const bin = new URL('../../bin/vexplan.js', import.meta.url).pathname
    const estate = write('estate.json', savePlan(generateEstate(300)))
    const child = spawn('node', [bin, 'validate', estate, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(1) // the estate has errors
  }, 20_000)
})

describe('reading the plan file', () => {
  it('refuses a file over the size limit by its size, and a pipe or device once it passes the limit', async () => {
    const big = write('big.json', ' '.repeat(2048))
    expect(await readPlanFile(big, (path) => readFileWithin(path, 1024))).toEqual({ ok: false, problems: [tooLarge(2048)] })
    const endless = await readPlanFile('/dev/zero', (path) => readFileWithin(path, 1024))
    expect(endless).toEqual({ ok: false, problems: [{ path: '(the whole file)', message: 'is more than 64 MB; vexplan opens plans up to 64 MB (67,108,864 bytes)' }] })
    const fits = await readFileWithin(sound, 1 << 20)
    expect(new TextDecoder().decode(fits)).toBe(readFileSync(sound, 'utf8'))
  })
})

describe('vexplan validate with a PNG exported by vexplan', () => {
  const writeBytes = (name: string, bytes: Uint8Array) => {
    const path = join(dir, name)
    writeFileSync(path, bytes)
    return path
  }

  it('validates the plan embedded in the PNG', async () => {
    const png = writeBytes('broken.png', await embedPlanInPng(onePixelPng(), savePlan(edit(soundPlan(), (d) => { first(d).vm.disks[0]!.kind = 'dynamic-vhd' }))))
    const { code, stdout } = await run('validate', png)
    expect(code).toBe(1)
    expect(stdout).toMatch(/dynamic-vhd-unsupported/)
    expect((await run('validate', writeBytes('sound.png', await embedPlanInPng(onePixelPng(), savePlan(soundPlan()))))).code).toBe(0)
  })

  it('exits 2 with the reason for a PNG without a plan, or with a damaged one', async () => {
    const plain = await run('validate', writeBytes('plain.png', onePixelPng()))
    expect(plain.code).toBe(2)
    expect(plain.stderr).toContain('(the whole file) is a PNG without a vexplan plan inside (only PNGs exported by vexplan carry one)')
    const cut = await embedPlanInPng(onePixelPng(), savePlan(soundPlan()))
    const truncated = await run('validate', writeBytes('cut.png', cut.subarray(0, cut.length - 40)), '--format', 'json')
    expect(truncated.code).toBe(2)
    expect(JSON.parse(truncated.stdout).problems[0].message).toMatch(/truncated/)
  })
})

describe('the README', () => {
  it('says how many rules `vexplan rules` lists', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    expect(Number(/(\d+) rules, every rule of Sections/.exec(readme)?.[1])).toBe(RULES.length)
  })


  it('shows what `vexplan validate examples/seed-reference.json` really prints', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const shown = /```text\n([\s\S]*?)```/.exec(readme)?.[1]
    expect(shown, 'the README has a text block with the CLI output').toBeDefined()
    const { stdout } = await run('validate', 'examples/seed-reference.json')
    expect(stdout.trimEnd()).toBe(shown!.trimEnd())
  })
})
