/**
 * Plain text made safe for one Markdown line or table cell: line breaks become `<br>`, and the
 * characters that make tables, emphasis, code, links or HTML are backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#~&!]/g, (char) => `\\${char}`)
    .replace(/\r\n|\r|\n/g, '<br>')
}

/** A Markdown table, every cell escaped. */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)]
}
