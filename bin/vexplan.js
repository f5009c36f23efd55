#!/usr/bin/env node
// The `vexplan` command. It runs the TypeScript sources through tsx so the CLI is the very same
// core the browser uses, with no build step between a fresh clone and `npx vexplan`.
import { register } from 'tsx/esm/api'

// A reader that stops early (`vexplan validate plan.json | head`) closes the pipe. Stop writing
// quietly, as Unix tools do, and still exit with the verdict. Any other failure to write (a full
// disk: `> report.json` on ENOSPC) loses the output: say so in one line and exit 2, never with the
// verdict of a report nobody got.
let outputLost = null
for (const [name, stream] of [['standard output', process.stdout], ['standard error', process.stderr]]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE' || outputLost) return
    outputLost = `vexplan: could not write to ${name}: ${error.message}\n`
    if (stream !== process.stderr) process.stderr.write(outputLost)
  })
}
process.on('exit', () => {
  if (outputLost) process.exitCode = 2
})

register()
const { main } = await import('../src/cli/vexplan.ts')
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Each stream is coloured only when it is a terminal: `2>log` gets plain text.
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  colorStderr: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
})
