"""Netskope Cloud Exchange API, the way an integration script does it: get a token with client_credentials
from /api/auth (form), then read and push Threat Exchange indicators with the Bearer token.

usage: ce_indicators.py BASE_URL CA_PATH CLIENT_ID CLIENT_SECRET
Prints one JSON line: {"scopes": [...], "listed": N, "created": "...", "count_after": N}.
"""
import json
import sys

import requests

base_url, ca_path, client_id, client_secret = sys.argv[1:5]
verify = ca_path if ca_path else True

token_response = requests.post(
    base_url + '/api/auth',
    data={'grant_type': 'client_credentials', 'client_id': client_id, 'client_secret': client_secret},
    verify=verify,
)
token_response.raise_for_status()
token = token_response.json()
headers = {'Authorization': 'Bearer ' + token['access_token']}

listed = requests.get(base_url + '/api/cte/indicators/', params={'skip': 0, 'limit': 25},
                      headers=headers, verify=verify)
listed.raise_for_status()

created = requests.post(base_url + '/api/cte/indicators/', headers=headers, verify=verify, json=[{
    'value': 'python-requests.bad.example', 'type': 'domain', 'source': 'Sandbox API Source',
    'reputation': 7, 'severity': 'high', 'tags': ['python'], 'comments': 'pushed by ce_indicators.py'}])
if created.status_code != 201:
    raise SystemExit('unexpected status %d: %s' % (created.status_code, created.text))

count = requests.get(base_url + '/api/cte/indicators/', params={
    'aggregate': 'true', 'filters': json.dumps({'value': 'python-requests.bad.example'})},
    headers=headers, verify=verify).json()

print(json.dumps({"scopes": token['scopes'], "listed": len(listed.json()),
                  "created": created.json()[0]['value'], "count_after": count['count']}))
