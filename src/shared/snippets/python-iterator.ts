import { callExpression } from './python-expressions'
import { pyString } from './quote'

/**
 * The Data Export iterator loop (reference netskope.md section 2): the first call uses the chosen operation (an
 * epoch, next, head, tail or resend), then `next` until an empty page arrives whose timestamp_hwm did not move
 * (Cloud Exchange's historical-pull stop rule) or a short page with a wait_time (the app's until-caught-up rule).
 * Sleeps wait_time between pages, honours 429 Retry-After, backs off on 409, RateLimit-Remaining/Reset, and appends
 * each record as one JSON line to OUTPUT.
 */
export function pyIteratorLoop(iterator: { index: string; operation: string }, kwargs: string[], outputName: string): string[] {
  const callKwargs = kwargs.map((arg) => (arg === 'params=params' ? 'params=params + [("index", INDEX), ("operation", operation)]' : arg))
  const call = callExpression('response = ', 'GET', 'url', callKwargs)
  return [
    `INDEX = ${pyString(iterator.index)}  # one index per consumer: two readers on one index each miss pages`,
    `FIRST_OPERATION = ${pyString(iterator.operation)}`,
    `OUTPUT = ${pyString(outputName)}`,
    '',
    '',
    'def header_seconds(response, name, default):',
    '    try:',
    '        return float(response.headers.get(name, default))',
    '    except ValueError:  # e.g. an HTTP date',
    '        return default',
    '',
    '',
    'def fetch(operation):',
    '    """One page; waits and retries when the server says it is rate limited (429)."""',
    '    while True:',
    ...call.split('\n').map((line) => `        ${line}`),
    '        if response.status_code == 429:',
    '            time.sleep(header_seconds(response, "Retry-After", 1))',
    '            continue',
    '        if response.status_code == 409:  # another pull holds this endpoint + index right now',
    '            time.sleep(header_seconds(response, "Retry-After", 5))',
    '            continue',
    '        response.raise_for_status()',
    '        if response.headers.get("RateLimit-Remaining") == "0":',
    '            time.sleep(header_seconds(response, "RateLimit-Reset", 1))',
    '        return response.json()',
    '',
    '',
    'operation = FIRST_OPERATION',
    'last_hwm = None',
    'total = 0',
    'with open(OUTPUT, "a", encoding="utf-8") as out:',
    '    while True:',
    '        page = fetch(operation)',
    '        if page.get("ok") != 1:',
    '            sys.exit("Unexpected answer: " + json.dumps(page)[:300])',
    '        records = page.get("result") or []',
    '        for record in records:',
    '            out.write(json.dumps(record) + "\\n")',
    '        out.flush()',
    '        total += len(records)',
    '        hwm = page.get("timestamp_hwm")',
    '        print(f"{len(records)} records, timestamp_hwm {hwm}; {total} saved to {OUTPUT}", file=sys.stderr)',
    '        # Caught up: an empty page and the high-water mark did not move, or (a live tenant never goes quiet) a',
    '        # short page that comes with a wait_time, the server saying this is the head. The app stops the same way.',
    '        if not records and hwm == last_hwm:',
    '            break',
    '        if 0 < len(records) < 10000 and float(page.get("wait_time") or 0) > 0:',
    '            break',
    '        last_hwm = hwm',
    '        operation = "next"',
    '        time.sleep(float(page.get("wait_time", 30)))'
  ]
}

/** `dataexport-<type>.jsonl` from the URL's last path segment. */
export function iteratorOutputName(url: string): string {
  const segments = new URL(url).pathname.split('/').filter((segment) => segment !== '')
  const last = (segments[segments.length - 1] ?? 'events').replace(/[^A-Za-z0-9_-]/g, '_')
  return `dataexport-${last}.jsonl`
}
