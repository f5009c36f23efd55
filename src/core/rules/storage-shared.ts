/**
 * Shared vocabulary of the A.4 storage rules: which Exchange versions a rule means, which disk
 * contents count as Exchange data, and the Exchange VMs' disks the rules walk.
 */
import type { DiskContent, DiskKind, ExchangeVersion } from '../model/enums.ts'
import type { VirtualDiskRef } from '../validate/plan-index.ts'
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

/** A mailbox database and its transaction logs: the data pass-through disks and host backups are about. */
export const DATABASE_AND_LOGS = ['database', 'logs'] as const satisfies readonly DiskContent[]

/** True when the contents include any of `kinds`. A plain scan: rules call it for every disk of big estates. */
function holdsAny(contents: readonly string[], kinds: readonly DiskContent[]): boolean {
  for (const kind of kinds) if (contents.includes(kind)) return true
  return false
}

export const holdsData = (contents: readonly string[]): boolean => holdsAny(contents, DATA_CONTENTS)
export const holdsDatabaseOrLogs = (contents: readonly string[]): boolean => holdsAny(contents, DATABASE_AND_LOGS)
/** The contents that are among `kinds`, in the disk's order, for messages. */
const onlyOf = (contents: readonly string[], kinds: readonly DiskContent[]): string[] =>
  contents.filter((content) => (kinds as readonly string[]).includes(content))
/** The Exchange data among a disk's contents (database, logs, transport queue), for messages. */
export const exchangeData = (contents: readonly string[]): string[] => onlyOf(contents, DATA_CONTENTS)
/** The database and logs among a disk's contents, for messages. */
export const databaseAndLogs = (contents: readonly string[]): string[] => onlyOf(contents, DATABASE_AND_LOGS)

/** "2,040 GB" */
export const gb = (size: number): string => `${size.toLocaleString('en-US')} GB`

/** "EX01's disk Database" — how the storage messages name a virtual disk. */
export const diskLabel = ({ disk, vm }: Pick<VirtualDiskRef, 'disk' | 'vm'>): string => `${vm.name}'s disk ${disk.name}`

const CONTENT_WORDS: Partial<Record<string, string>> = { os: 'operating system', queue: 'transport queue', 'vm-files': 'VM files', other: 'other files' }

/** "database and logs", "transport queue" — a list of disk contents in plain words. */
export const contentsLabel = (contents: readonly string[]): string =>
  contents.length === 1 ? contentWord(contents[0]!) : joinAnd(contents.map(contentWord))

const contentWord = (content: string): string => CONTENT_WORDS[content] ?? content
