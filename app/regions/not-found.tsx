import { PortalNotFound } from '@/components/portal/not-found-view'

export default function NotFound() {
  return <PortalNotFound what="地区或年度的部门预算" />
}
