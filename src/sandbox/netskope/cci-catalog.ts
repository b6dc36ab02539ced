/** The sandbox's Cloud Confidence Index catalogue: a fixed set of well-known apps. */
export interface CciApp {
  id: number
  app_name: string
  category_name: string
  cci: number
  ccl: 'excellent' | 'high' | 'medium' | 'low' | 'poor'
  organisation: string
  domains: string[]
  app_type: string
  sanctioned: 'Yes' | 'No'
  connector: boolean
  discovered: boolean
}

type Row = [string, string, number, string, string[], boolean]

const ROWS: Row[] = [
  ['1010data', 'Business Intelligence', 61, '1010data Inc.', ['1010data.com'], false],
  ['Adobe Sign', 'Collaboration', 82, 'Adobe Systems Incorporated', ['echosign.com', 'adobesign.com'], false],
  ['Amazon S3', 'IaaS/PaaS', 86, 'Amazon.com, Inc.', ['s3.amazonaws.com'], true],
  ['Asana', 'Project Management', 78, 'Asana, Inc.', ['asana.com'], false],
  ['Box', 'Cloud Storage', 94, 'Box, Inc.', ['box.com', 'boxcloud.com'], true],
  ['ChatGPT', 'Generative AI', 62, 'OpenAI', ['chatgpt.com', 'openai.com'], true],
  ['Confluence', 'Collaboration', 84, 'Atlassian', ['atlassian.net'], true],
  ['DocuSign', 'Collaboration', 88, 'DocuSign, Inc.', ['docusign.net', 'docusign.com'], false],
  ['Dropbox', 'Cloud Storage', 82, 'Dropbox, Inc.', ['dropbox.com', 'dropboxapi.com'], true],
  ['Evernote', 'Collaboration', 58, 'Evernote Corporation', ['evernote.com'], false],
  ['GitHub', 'Development Tools', 83, 'GitHub, Inc.', ['github.com', 'githubusercontent.com'], true],
  ['Gmail', 'Webmail', 84, 'Google LLC', ['mail.google.com'], true],
  ['Google Drive', 'Cloud Storage', 85, 'Google LLC', ['drive.google.com'], true],
  ['HubSpot', 'Marketing', 74, 'HubSpot, Inc.', ['hubspot.com'], false],
  ['Jira', 'Project Management', 84, 'Atlassian', ['atlassian.net'], true],
  ['LinkedIn', 'Social', 66, 'Microsoft Corporation', ['linkedin.com'], false],
  ['Mega', 'Cloud Storage', 31, 'Mega Limited', ['mega.nz', 'mega.io'], false],
  ['Microsoft OneDrive for Business', 'Cloud Storage', 92, 'Microsoft Corporation', ['onedrive.live.com', 'sharepoint.com'], true],
  ['Microsoft Office 365 Outlook.com', 'Webmail', 91, 'Microsoft Corporation', ['outlook.office365.com'], true],
  ['Microsoft Teams', 'Collaboration', 90, 'Microsoft Corporation', ['teams.microsoft.com'], true],
  ['Notion', 'Collaboration', 72, 'Notion Labs, Inc.', ['notion.so'], false],
  ['Pastebin', 'Development Tools', 22, 'Pastebin.com', ['pastebin.com'], false],
  ['Salesforce', 'CRM', 93, 'Salesforce, Inc.', ['salesforce.com', 'force.com'], true],
  ['ServiceNow', 'IT Service Management', 89, 'ServiceNow, Inc.', ['service-now.com'], true],
  ['Slack', 'Collaboration', 80, 'Slack Technologies, LLC', ['slack.com', 'slack-edge.com'], true],
  ['Trello', 'Project Management', 70, 'Atlassian', ['trello.com'], false],
  ['WeTransfer', 'Cloud Storage', 41, 'WeTransfer B.V.', ['wetransfer.com'], false],
  ['Workday', 'HR', 90, 'Workday, Inc.', ['workday.com', 'myworkday.com'], true],
  ['Zendesk', 'Customer Support', 79, 'Zendesk, Inc.', ['zendesk.com'], false],
  ['Zoom', 'Collaboration', 68, 'Zoom Video Communications, Inc.', ['zoom.us'], true]
]

export function cclOf(cci: number): CciApp['ccl'] {
  if (cci >= 90) return 'excellent'
  if (cci >= 75) return 'high'
  if (cci >= 50) return 'medium'
  if (cci >= 25) return 'low'
  return 'poor'
}

export const CCI_APPS: readonly CciApp[] = ROWS.map(([name, category, cci, org, domains, sanctioned], k) => ({
  id: k + 1,
  app_name: name,
  category_name: category,
  cci,
  ccl: cclOf(cci),
  organisation: org,
  domains,
  app_type: sanctioned ? 'Enterprise' : 'Consumer',
  sanctioned: sanctioned ? 'Yes' : 'No',
  connector: ['Box', 'Dropbox', 'Google Drive', 'Microsoft OneDrive for Business', 'Slack', 'Salesforce', 'GitHub'].includes(name),
  discovered: (k * 7) % 3 !== 0
}))
