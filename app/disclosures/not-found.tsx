import { PortalNotFound } from '@/components/portal/not-found-view'

export default function NotFound() {
  return <PortalNotFound what="部门预算公开" />
}
