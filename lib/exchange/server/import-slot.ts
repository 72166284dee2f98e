import 'server-only'
import { AppError } from '@/lib/server/errors'

/**
 * A bounded queue for the heavy part of an import (unzipping and parsing a workbook): one runs at a time,
 * a few wait their turn (排队中), and beyond that a request is answered at once with 503 服务繁忙 instead
 * of piling up parses that together would exhaust memory and stall every other request.
 */
export class WorkSlot {
  private running = 0
  private readonly waiting: (() => void)[] = []
  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  get queued(): number {
    return this.waiting.length
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new AppError('BUSY', '服务繁忙：已有多个工作簿正在排队导入，请稍后再试')
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    } else {
      this.running++
    }
    try {
      return await work()
    } finally {
      const next = this.waiting.shift()
      // hand the slot straight to the next in line (running stays the same), else free it
      if (next) next()
      else this.running--
    }
  }
}

/** One workbook parse at a time per server process; three more may queue. */
export const importSlot = new WorkSlot(1, 3)
