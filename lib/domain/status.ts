// Roles and disclosure statuses with their Chinese labels: pure data, imported by server code and client
// components alike (a client component must not bundle lib/server/authz.ts for a label, docs/decisions/013).

export type Role = 'accountant' | 'reviewer' | 'admin'
export type DisclosureStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'published'

export const DISCLOSURE_STATUSES: readonly DisclosureStatus[] = ['draft', 'submitted', 'returned', 'approved', 'published']

export const STATUS_LABELS: Record<DisclosureStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已审核',
  published: '已公开',
}

export const ROLE_LABELS: Record<Role, string> = { accountant: '部门会计', reviewer: '财政局审核人员', admin: '系统管理员' }
