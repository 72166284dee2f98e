/** An instant as 北京 time, "YYYY-MM-DD HH:mm": the same text on the server and in any browser. */
export function chinaTime(iso: string | Date): string {
  const t = new Date(new Date(iso).getTime() + 8 * 60 * 60 * 1000).toISOString()
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`
}
