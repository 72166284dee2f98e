'use client'

import type { ReactNode } from 'react'
import { useEffect, useRef } from 'react'
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, Tooltip, XAxis, YAxis } from 'recharts'

/**
 * Charts of the public disclosure page. Values arrive in 万元 as plain numbers for drawing only; every
 * chart sits next to a data table with the exact printed figures (ChartFigure), which is what screen
 * readers read — the drawing itself is hidden from them.
 */

// Colours with ≥ 3:1 contrast against white for graphical objects (WCAG 1.4.11).
export const CHART_COLOURS = ['#a4161a', '#1d4e89', '#2b7a3d', '#8a4f00', '#5c3c92', '#00666e']

const FOCUSABLE = '[tabindex]:not([tabindex="-1"]), a[href], button, input, select, textarea'

/**
 * The drawing, hidden from assistive technology (its table is read instead) and so never focusable either:
 * recharts puts tabindex on its surface and sectors, and an aria-hidden region must contain nothing a
 * keyboard can reach (axe-core aria-hidden-focus). The mouse keeps its tooltips.
 */
function HiddenChart({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const unfocus = () => el.querySelectorAll(FOCUSABLE).forEach((n) => n.setAttribute('tabindex', '-1'))
    unfocus()
    const watch = new MutationObserver(unfocus)
    watch.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['tabindex'] })
    return () => watch.disconnect()
  }, [])
  return (
    <div className="chart" aria-hidden="true" ref={ref}>
      {children}
    </div>
  )
}

const tooltipFormat = (v: unknown) => [`${Number(v).toFixed(2)} 万元`]

export function FunctionClassChart({ data }: { data: { name: string; basic: number; project: number }[] }) {
  const height = Math.max(160, 48 * data.length + 60)
  return (
    <HiddenChart>
      <BarChart responsive layout="vertical" data={data} style={{ width: '100%', height }} margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={(v: number) => String(v)} unit="" />
        <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 13 }} />
        <Tooltip formatter={tooltipFormat} />
        <Legend />
        <Bar dataKey="basic" name="基本支出" stackId="a" fill={CHART_COLOURS[1]} isAnimationActive={false} />
        <Bar dataKey="project" name="项目支出" stackId="a" fill={CHART_COLOURS[0]} isAnimationActive={false} />
      </BarChart>
    </HiddenChart>
  )
}

export function ShareChart({ data }: { data: { name: string; value: number; colour: number }[] }) {
  return (
    <HiddenChart>
      <PieChart responsive style={{ width: '100%', height: 260 }} accessibilityLayer={false}>
        <Pie data={data} dataKey="value" nameKey="name" innerRadius="45%" outerRadius="75%" isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.name} fill={CHART_COLOURS[d.colour % CHART_COLOURS.length]} />
          ))}
        </Pie>
        <Tooltip formatter={tooltipFormat} />
        <Legend />
      </PieChart>
    </HiddenChart>
  )
}

export function ThreePublicHistoryChart({ data }: { data: { year: string; abroad: number; vehicle: number; reception: number }[] }) {
  return (
    <HiddenChart>
      <BarChart responsive data={data} style={{ width: '100%', height: 260 }} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="year" />
        <YAxis />
        <Tooltip formatter={tooltipFormat} />
        <Legend />
        <Bar dataKey="abroad" name="因公出国（境）费" stackId="t" fill={CHART_COLOURS[2]} isAnimationActive={false} />
        <Bar dataKey="vehicle" name="公务用车购置及运维费" stackId="t" fill={CHART_COLOURS[1]} isAnimationActive={false} />
        <Bar dataKey="reception" name="公务接待费" stackId="t" fill={CHART_COLOURS[0]} isAnimationActive={false} />
      </BarChart>
    </HiddenChart>
  )
}
