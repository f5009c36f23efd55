/** How a server's Exchange data is backed up: the method, and optionally the product used. */
import { BACKUP_METHOD_LABELS, type Backup } from '../../../core/index.ts'
import { choicesOf } from './choices.ts'
import { SelectField } from './choice-fields.tsx'
import { Section, TextField, type Setter } from './fields.tsx'

const METHOD_CHOICES = choicesOf(BACKUP_METHOD_LABELS)

/** `field` is where the backup lives on the entity `set` targets ('backup' or 'parent.backup'). */
export function BackupEditor({ backup, set, field }: { backup: Backup; set: Setter; field: string }) {
  const withProduct = (product: string): Backup =>
    product.trim() === '' ? { method: backup.method } : { method: backup.method, product }
  return (
    <Section title="Backup">
      <SelectField label="Backup method" value={backup.method} choices={METHOD_CHOICES}
        onCommit={(method) => set(field, { ...backup, method })} />
      <TextField label="Backup product" value={backup.product ?? ''} placeholder="e.g. DPM 2007"
        onCommit={(product) => set(field, withProduct(product))} />
    </Section>
  )
}
