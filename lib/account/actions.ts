'use server'

import { headers } from 'next/headers'
import { defineAction } from '@/lib/server/action'
import { clientAddress } from '@/lib/server/auth'
import { changePassword } from '@/lib/server/change-password'
import { ZPasswordChange } from './schema'

/** Where the user signs in again after changing the password (every session, this one included, has ended). */
const AFTER_CHANGE = '/login?notice=password-changed'

/** Changes the signed-in user's password; every session of the user ends (token version), so they sign in again. */
export const changePasswordAction = defineAction(
  ZPasswordChange,
  async ({ current, next }, actor) => {
    await changePassword(actor, { current, next, address: clientAddress(await headers()) })
    return { message: '密码已修改，请用新密码重新登录', state: null, redirectTo: AFTER_CHANGE }
  },
  { label: '修改密码' },
)
