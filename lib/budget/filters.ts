import type { LineFilter } from './template'
import type { ExpenditureLine, RevenueLine } from './types'
import { isPersonnelEconomic } from './types'

export type LineMatcher = { revenue: (l: RevenueLine) => boolean; expenditure: (l: ExpenditureLine) => boolean }

const never = () => false

/** Compiles a template filter into predicates over revenue and expenditure lines. */
export function compileFilter(f: LineFilter): LineMatcher {
  if ('revenue' in f) {
    const set = new Set<string>(f.revenue)
    return { revenue: (l) => set.has(l.source), expenditure: never }
  }
  const { funds, categories, economicClass } = f.expenditure
  const fs = funds ? new Set<string>(funds) : null
  const cs = categories ? new Set<string>(categories) : null
  return {
    revenue: never,
    expenditure: (l) =>
      (!fs || fs.has(l.fund)) &&
      (!cs || cs.has(l.category)) &&
      (!economicClass || isPersonnelEconomic(l.economicCode) === (economicClass === 'personnel')),
  }
}
