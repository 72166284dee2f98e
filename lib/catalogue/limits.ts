/**
 * The largest catalogue file an admin may upload (CSV or XLSX). One constant: the form states it, the
 * route handler (app/api/catalogue) enforces it while the body streams in, and the import checks it again.
 */
export const MAX_CATALOGUE_BYTES = 5 * 1024 * 1024
/** "5 MB", as the form and the messages print it. */
export const CATALOGUE_LIMIT_TEXT = `${MAX_CATALOGUE_BYTES / 1024 / 1024} MB`
