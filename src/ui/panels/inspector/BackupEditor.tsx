/** How a server's Exchange data is backed up: the method, and optionally the product used. */
import type { Backup, Hypervisor } from '../../../core/index.ts'
import { backupMethodChoices } from './choices.ts'
import { SelectField } from './choice-fields.tsx'
import { Section, TextField, type Setter } from './fields.tsx'

/**
 * `field` is where the backup lives on the entity `set` targets ('backup' or 'parent.backup');
 * `hypervisor`, the VM's host's, names a host-level backup in its words (null for a host's own OS).
 */
export function BackupEditor({ backup, set, field, hypervisor = null }: { backup: Backup; set: Setter; field: string; hypervisor?: Hypervisor | null }) {
  const withProduct = (product: string): Backup =>
    product.trim() === '' ? { method: backup.method } : { method: backup.method, product }
  return (
    <Section title="Backup">
      <SelectField label="Backup method" value={backup.method} choices={backupMethodChoices(hypervisor)}
        onCommit={(method) => set(field, { ...backup, method })} />
      <TextField label="Backup product" value={backup.product ?? ''} placeholder="e.g. DPM 2007"
        onCommit={(product) => set(field, withProduct(product))} />
    </Section>
  )
}
