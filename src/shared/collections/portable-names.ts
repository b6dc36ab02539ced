/**
 * File and folder names every platform can store, so a collection made on Linux opens on Windows and macOS.
 * Windows refuses its device names (with any extension: `con.txt` is the console too), names ending in a dot or
 * a space, a few reserved characters and control characters; Linux accepts all of them, so we check everywhere.
 */

/** CON, PRN, AUX, NUL, COM0-9, LPT0-9 (and the superscript digits Windows also maps), CONIN$, CONOUT$. */
const RESERVED_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i
const RESERVED_CHARACTERS = /[<>:"/\\|?*]/
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/
const MAX_NAME = 255

/** True for a Windows device name: the part before the first dot decides (`nul.tar.gz` is NUL). */
export function isReservedDeviceName(name: string): boolean {
  const stem = name.split('.')[0] ?? name
  return RESERVED_DEVICE.test(stem.trimEnd())
}

/** Why `segment` cannot be a file or folder name in a collection, or null when it can. */
export function segmentProblem(segment: string): string | null {
  if (segment === '') return 'a name cannot be empty'
  if (segment.length > MAX_NAME) return `a name cannot be longer than ${MAX_NAME} characters`
  if (CONTROL_CHARACTERS.test(segment)) return 'a name cannot contain control characters'
  if (RESERVED_CHARACTERS.test(segment)) return 'a name cannot contain < > : " / \\ | ? *'
  if (/[. ]$/.test(segment)) return 'a name cannot end with a dot or a space (Windows drops them)'
  if (isReservedDeviceName(segment)) return `"${segment.split('.')[0]}" is a reserved device name on Windows`
  return null
}
