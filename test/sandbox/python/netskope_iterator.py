"""Netskope Data Export iterator, the way the SDK README and Cloud Exchange page it: start the index at an
epoch, then call operation=next in a loop, sleeping wait_time after each batch, until a page comes back empty.
Honours the rate-limit headers (sleep ratelimit-reset when remaining hits 0) and 429 Retry-After.

usage: netskope_iterator.py BASE_URL CA_PATH V2_TOKEN START_EPOCH
Prints one JSON line: {"records": N, "pages": N, "first_timestamp": ..., "last_hwm": ...}.
"""
import json
import sys
import time

import requests

base_url, ca_path, token, start_epoch = sys.argv[1:5]
verify = ca_path if ca_path else True

url = base_url + '/api/v2/events/dataexport/events/application'
session = requests.Session()
session.headers.update({'Netskope-Api-Token': token, 'Accept-Encoding': 'gzip'})


def call(operation):
    while True:
        response = session.get(url, params={'index': 'python_requests_consumer', 'operation': operation},
                               verify=verify, timeout=120)
        if response.status_code == 429:
            time.sleep(int(response.headers.get('Retry-After', '1')))
            continue
        response.raise_for_status()
        if int(response.headers.get('ratelimit-remaining', '1')) <= 0:
            time.sleep(int(response.headers.get('ratelimit-reset', '1')))
        return response.json()


records = 0
pages = 0
first_timestamp = None
data = call(start_epoch)
while True:
    if data.get('ok') != 1:
        raise SystemExit('iterator error: %r' % data)
    result = data.get('result', [])
    pages += 1
    if not result:
        break
    if first_timestamp is None:
        first_timestamp = result[0]['timestamp']
    records += len(result)
    time.sleep(data.get('wait_time', 30))
    data = call('next')

print(json.dumps({"records": records, "pages": pages, "first_timestamp": first_timestamp,
                  "last_hwm": data.get('timestamp_hwm')}))
