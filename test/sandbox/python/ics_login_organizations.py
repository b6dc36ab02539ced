"""InsightCloudSec, the way the vendor's boilerplate scripts do it: log in, then list organizations
sending the session as X-Auth-Token (GET with a JSON body, as in DivvyCloud/tools list_organizations.py).

usage: ics_login_organizations.py BASE_URL CA_PATH USERNAME PASSWORD
Prints one JSON line: {"organizations": [...names], "user": ...}.
"""
import json
import sys

import requests

base_url, ca_path, username, passwd = sys.argv[1:5]
verify = ca_path if ca_path else True

login_url = base_url + '/v2/public/user/login'


def get_auth_token():
    response = requests.post(
        url=login_url,
        verify=verify,
        data=json.dumps({"username": username, "password": passwd}),
        headers={
            'Content-Type': 'application/json;charset=UTF-8',
            'Accept': 'application/json'
        })
    response.raise_for_status()
    return response.json()['session_id']


auth_token = get_auth_token()

headers = {
    'Content-Type': 'application/json;charset=UTF-8',
    'Accept': 'application/json',
    'X-Auth-Token': auth_token
}


def get_orgs():
    data = {}
    response = requests.get(
        url=base_url + '/v2/prototype/domain/organizations/detail/get',
        data=json.dumps(data),
        verify=verify,
        headers=headers
        )
    response.raise_for_status()
    return response.json()


org_list = get_orgs()['organizations']
info = requests.get(base_url + '/v2/public/user/info', headers=headers, verify=verify).json()
print(json.dumps({"organizations": [org['name'] for org in org_list], "user": info['username']}))
