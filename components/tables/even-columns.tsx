import type { FixtureTable } from '@/lib/budget/table'
import { evenAmountColumns } from '@/lib/document/column-widths'

/**
 * Equal amount columns for a table of one label column and amounts (evenAmountColumns): the props of the
 * <table> and its <colgroup>, for every view that draws a printed table (published, editor, review).
 */
export function evenColumns(table: FixtureTable) {
  const even = evenAmountColumns(table)
  const tableProps = even ? { style: { tableLayout: 'fixed' as const, minWidth: `${even.minWidthEm}em` }, 'data-layout': 'even' } : {}
  const colgroup = even ? (
    <colgroup>
      <col style={{ width: '3.5em' }} />
      <col style={{ width: `${even.labelEm}em` }} />
      {Array.from({ length: even.amounts }, (_, i) => (
        <col key={i} />
      ))}
    </colgroup>
  ) : null
  return { tableProps, colgroup }
}
