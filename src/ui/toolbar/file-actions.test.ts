import { describe, expect, it } from 'vitest'
import { fileNameFor } from './file-actions.ts'

describe('fileNameFor', () => {
  it('keeps the letters of any script, lower-cased, with dashes for spaces', () => {
    expect(fileNameFor('Планирование Exchange', 'json')).toBe('планирование-exchange.json')
    expect(fileNameFor('東京 データセンター', 'png')).toBe('東京-データセンター.png')
    expect(fileNameFor('Café Zürich', 'json', '-findings')).toBe('café-zürich-findings.json')
  })

  it('drops what file systems refuse and punctuation, and falls back to "plan"', () => {
    expect(fileNameFor('Contoso / Exchange: 2019 <DAG>', 'json')).toBe('contoso-exchange-2019-dag.json')
    expect(fileNameFor('a\\b*c?d"e|f', 'json')).toBe('abcdef.json')
    expect(fileNameFor('!!! ???', 'json')).toBe('plan.json')
  })

  it('cuts a long name at 80 characters, whole characters only, with no dash at the end', () => {
    expect(fileNameFor('x'.repeat(79) + ' yy', 'json')).toBe(`${'x'.repeat(79)}.json`)
    expect(fileNameFor('Ж'.repeat(100), 'json')).toBe(`${'ж'.repeat(80)}.json`)
    expect(fileNameFor('😀 Plan', 'json')).toBe('plan.json')
  })
})
