/** How a server's Exchange data is backed up: the method, and optionally the product used. */
import type { Backup, Host, Hypervisor } from '../../../core/index.ts'
import { backupMethodChoices, ownOsBackupChoices } from './choices.ts'
import { SelectField } from './choice-fields.tsx'
import { Section, TextField, type Setter } from './fields.tsx'

/**
 * `field` is where the backup lives on the entity `set` targets ('backup' or 'parent.backup');
 * `hypervisor`, the VM's host's, names a host-level backup in its words; `ownOs`, the host whose
 * own OS is backed up (a bare-metal server, a parent partition), where it is no VM's.
 */
export function BackupEditor({ backup, set, field, hypervisor = null, ownOs = null }: { backup: Backup; set: Setter; field: string; hypervisor?: Hypervisor | null; ownOs?: Host | null }) {
  const withProduct = (product: string): Backup =>
    product.trim() === '' ? { method: backup.method } : { method: backup.method, product }
  return (
    <Section title="Backup">
      <SelectField label="Backup method" value={backup.method} choices={ownOs ? ownOsBackupChoices(ownOs, backup.method) : backupMethodChoices(hypervisor)}
        onCommit={(method) => set(field, { ...backup, method })} />
      <TextField label="Backup product" value={backup.product ?? ''} placeholder="e.g. DPM 2007"
        onCommit={(product) => set(field, withProduct(product))} />
    </Section>
  )
}
