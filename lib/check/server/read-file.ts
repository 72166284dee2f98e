import 'server-only'
export { readCheckFile, CheckFileError, MAX_CHECK_FILE_BYTES } from './read-file-node'
