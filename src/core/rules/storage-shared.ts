/**
 * Shared vocabulary of the A.4 storage rules: which Exchange versions a rule means, which disk
 * contents count as Exchange data, and the Exchange VMs' disks the rules walk.
 */
import { HOST_DISK_CONTENTS, type DiskContent, type DiskKind, type ExchangeVersion } from '../model/enums.ts'
import { HOLDS_DATA, holdsBits } from '../validate/plan-index.ts'
import { joinAnd } from './platform-wording.ts'

export const SECTION = 'A.4 Storage'

/** Exchange versions whose virtualization text is the 2007/2010 one (fixed VHD, pass-through, iSCSI). */
export const CLASSIC_VERSIONS: readonly ExchangeVersion[] = ['2007', '2010']
/** Exchange 2013 and later: the current "Exchange Server virtualization" text. */
export const MODERN_VERSIONS: readonly ExchangeVersion[] = ['2013', '2016', '2019', 'se']

/** What the guest keeps on a disk that counts as Exchange data (databases, logs, transport queues). */
export const DATA_CONTENTS: readonly DiskContent[] = ['database', 'logs', 'queue']

/** VHD-format files: Hyper-V keeps each below the VHD size limit. */
export const VHD_KINDS: readonly DiskKind[] = ['fixed-vhd', 'dynamic-vhd', 'differencing-vhd']
export const VHDX_KINDS: readonly DiskKind[] = ['fixed-vhdx', 'dynamic-vhdx']
/** Disks that are files on a host disk (VHD and VHDX), as large as they are made. */
export const FILE_KINDS: readonly DiskKind[] = [...VHD_KINDS, ...VHDX_KINDS]

/** A mailbox database and its transaction logs: the data pass-through disks and host backups are about. */
export const DATABASE_AND_LOGS = ['database', 'logs'] as const satisfies readonly DiskContent[]

/** True when the contents include Exchange data (DATA_CONTENTS), read as the index reads them (HOLDS bits). */
export const holdsData = (contents: readonly DiskContent[]): boolean => (holdsBits(contents) & HOLDS_DATA) !== 0
/** The contents among `only` that any of the disks holds, each once, in the disks' order, for messages. */
export function contentsOf(disks: readonly { contents: readonly string[] }[], only: readonly DiskContent[]): string[] {
  const found: string[] = []
  for (const disk of disks) {
    for (const content of disk.contents) if ((only as readonly string[]).includes(content) && !found.includes(content)) found.push(content)
  }
  return found
}

/** "2,040 GB": one way of writing sizes in every finding. */
export { gb } from './platform-wording.ts'

/** "EX01's disk Database" — how the storage messages name a virtual disk. */
export const diskLabel = ({ disk, vm }: { disk: { name: string }; vm: { name: string } }): string => `${vm.name}'s disk ${disk.name}`

const CONTENT_WORDS: Partial<Record<string, string>> = { os: 'operating system', queue: 'transport queue', 'vm-files': 'VM files', other: 'other files' }
const contentWord = (content: string): string => CONTENT_WORDS[content] ?? content

/** Each disk content's digit in a list's key (1-based, so that no list's key is another's). */
const CONTENT_DIGITS = new Map<string, number>(HOST_DISK_CONTENTS.map((content, i) => [content, i + 1]))
/** A list whose key would pass this is longer than plans have; it is worded without the memo. */
const MAX_KEY = 8 ** 12
/** Labels by their list's key. Contents come from seven words, so a plan has few distinct lists. */
const LABELS = new Map<number, string>()
const MAX_LABELS = 4096

/**
 * "database and logs", "transport queue": a list of disk contents in plain words, in the list's
 * order, and with `only`, just the contents among `only`. A 10,000-VM estate words the same few
 * lists tens of thousands of times, so each list is worded once, by a key built without allocating.
 */
export function contentsLabel(contents: readonly string[], only?: readonly DiskContent[]): string {
  let key = 0
  for (const content of contents) {
    if (only && !(only as readonly string[]).includes(content)) continue
    const digit = CONTENT_DIGITS.get(content)
    if (digit === undefined || key >= MAX_KEY) return spell(contents, only)
    key = key * 8 + digit
  }
  let label = LABELS.get(key)
  if (label === undefined) {
    label = spell(contents, only)
    if (LABELS.size < MAX_LABELS) LABELS.set(key, label)
  }
  return label
}

function spell(contents: readonly string[], only: readonly DiskContent[] | undefined): string {
  const words = (only ? contents.filter((content) => (only as readonly string[]).includes(content)) : contents).map(contentWord)
  return words.length === 1 ? words[0]! : joinAnd(words)
}
