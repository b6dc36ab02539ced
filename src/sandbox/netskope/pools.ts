/** Value pools for generated Netskope records: small, realistic-looking, fixed. */

const FIRST = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory',
  'niaj', 'olivia', 'peggy', 'rupert', 'sybil', 'trent', 'victor', 'walter', 'yasmin']
const LAST = ['anderson', 'brown', 'chen', 'diaz', 'evans', 'fischer', 'garcia', 'hughes', 'ito', 'jones',
  'kumar', 'lopez', 'muller', 'nguyen', 'okafor', 'patel', 'rossi', 'smith', 'tanaka', 'weber']

export const EMAIL_DOMAIN = 'acme-sandbox.example'

/** 400 users: first.last@domain, fixed order. */
export const USERS: readonly string[] = FIRST.flatMap((first) => LAST.map((last) => `${first}.${last}@${EMAIL_DOMAIN}`))

export const ADMINS: readonly string[] = USERS.slice(0, 6)

export interface AppInfo {
  app: string
  category: string
  ccl: 'excellent' | 'high' | 'medium' | 'low' | 'poor'
  cci: number
  domain: string
}

export const APPS: readonly AppInfo[] = [
  { app: 'Box', category: 'Cloud Storage', ccl: 'excellent', cci: 94, domain: 'box.com' },
  { app: 'Dropbox', category: 'Cloud Storage', ccl: 'high', cci: 82, domain: 'dropbox.com' },
  { app: 'Google Drive', category: 'Cloud Storage', ccl: 'high', cci: 85, domain: 'drive.google.com' },
  { app: 'Microsoft OneDrive for Business', category: 'Cloud Storage', ccl: 'excellent', cci: 92, domain: 'onedrive.live.com' },
  { app: 'Microsoft Office 365 Outlook.com', category: 'Webmail', ccl: 'excellent', cci: 91, domain: 'outlook.office365.com' },
  { app: 'Gmail', category: 'Webmail', ccl: 'high', cci: 84, domain: 'mail.google.com' },
  { app: 'Slack', category: 'Collaboration', ccl: 'high', cci: 80, domain: 'slack.com' },
  { app: 'Microsoft Teams', category: 'Collaboration', ccl: 'excellent', cci: 90, domain: 'teams.microsoft.com' },
  { app: 'Zoom', category: 'Collaboration', ccl: 'medium', cci: 68, domain: 'zoom.us' },
  { app: 'Salesforce', category: 'CRM', ccl: 'excellent', cci: 93, domain: 'salesforce.com' },
  { app: 'GitHub', category: 'Development Tools', ccl: 'high', cci: 83, domain: 'github.com' },
  { app: 'Amazon S3', category: 'IaaS/PaaS', ccl: 'high', cci: 86, domain: 's3.amazonaws.com' },
  { app: 'WeTransfer', category: 'Cloud Storage', ccl: 'low', cci: 41, domain: 'wetransfer.com' },
  { app: 'ChatGPT', category: 'Generative AI', ccl: 'medium', cci: 62, domain: 'chatgpt.com' },
  { app: 'LinkedIn', category: 'Social', ccl: 'medium', cci: 66, domain: 'linkedin.com' },
  { app: 'Pastebin', category: 'Development Tools', ccl: 'poor', cci: 22, domain: 'pastebin.com' }
]

export const WEB_DOMAINS: readonly string[] = ['news.example.com', 'weather.example.org', 'shop.example.net',
  'docs.example.io', 'cdn.example-static.com', 'travel.example.com', 'blog.example.dev', 'forum.example.org']

export const WEB_CATEGORIES: readonly string[] = ['News & Media', 'Weather', 'Shopping', 'Technology',
  'Content Delivery Networks', 'Travel', 'Blogs', 'Forums']

export interface Place {
  country: string
  location: string
  region: string
  prefix: string
}

export const PLACES: readonly Place[] = [
  { country: 'US', location: 'San Jose', region: 'California', prefix: '73.' },
  { country: 'US', location: 'New York', region: 'New York', prefix: '98.' },
  { country: 'GB', location: 'London', region: 'England', prefix: '81.' },
  { country: 'DE', location: 'Frankfurt', region: 'Hesse', prefix: '91.' },
  { country: 'FR', location: 'Paris', region: 'Ile-de-France', prefix: '82.' },
  { country: 'IN', location: 'Bengaluru', region: 'Karnataka', prefix: '49.' },
  { country: 'JP', location: 'Tokyo', region: 'Tokyo', prefix: '126.' },
  { country: 'AU', location: 'Sydney', region: 'New South Wales', prefix: '101.' },
  { country: 'BR', location: 'Sao Paulo', region: 'Sao Paulo', prefix: '177.' }
]

export interface Client {
  os: string
  osVersion: string
  browser: string
  device: string
  userAgent: string
}

export const CLIENTS: readonly Client[] = [
  { os: 'Windows 11', osVersion: '23H2', browser: 'Chrome', device: 'Windows Device',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36' },
  { os: 'Windows 10', osVersion: '22H2', browser: 'Edge', device: 'Windows Device',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Edg/126.0' },
  { os: 'MacOS Sonoma', osVersion: '14.5', browser: 'Safari', device: 'Mac Device',
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15' },
  { os: 'MacOS Sonoma', osVersion: '14.5', browser: 'Chrome', device: 'Mac Device',
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36' },
  { os: 'iOS 17', osVersion: '17.5', browser: 'Native', device: 'iPhone',
    userAgent: 'Box/5.3 CFNetwork/1494 Darwin/23.5.0' },
  { os: 'Android 14', osVersion: '14', browser: 'Chrome Mobile', device: 'Android Device',
    userAgent: 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36' }
]

export const ACCESS_METHODS: readonly string[] = ['Client', 'Client', 'Client', 'Secure Forwarder', 'Reverse Proxy', 'IPSec']
export const ACTIVITIES: readonly string[] = ['Login Successful', 'View', 'Upload', 'Download', 'Share', 'Edit',
  'Delete', 'Create', 'Post', 'Login Attempt']
export const OBJECT_TYPES: readonly string[] = ['File', 'Folder', 'Document', 'Message', 'Bucket']
export const FILE_NAMES: readonly string[] = ['Q3-forecast.xlsx', 'customer-list.csv', 'roadmap.pptx',
  'contract-draft.docx', 'payroll-2024.pdf', 'design.fig', 'backup.zip', 'notes.txt']
export const POLICIES: readonly string[] = ['Allow Corporate Apps', 'Block Unsanctioned Storage', 'DLP - PCI',
  'DLP - PII US', 'Coach Generative AI', 'Default Allow', 'Block Risky Categories']
export const ACTIONS: readonly string[] = ['allow', 'allow', 'allow', 'block', 'alert', 'useralert']
export const SEVERITIES: readonly string[] = ['Low', 'Medium', 'High', 'Critical']
export const ORG_UNITS: readonly string[] = ['Engineering', 'Sales', 'Finance', 'HR', 'Marketing', 'Legal']
export const DLP_PROFILES: readonly string[] = ['DLP-PCI', 'DLP-PII-US', 'DLP-HIPAA', 'DLP-Source-Code', 'DLP-GDPR']
export const DLP_RULES: readonly string[] = ['Credit Card Number', 'US SSN', 'Medical Record Number',
  'Private Key', 'EU National ID', 'AWS Access Key']
export const MALWARE_NAMES: readonly string[] = ['Trojan.GenericKD.4821', 'EICAR-Test-File', 'Ransom.Lockbit.A',
  'Backdoor.Cobalt.B', 'PUA.CoinMiner.X', 'Exploit.PDF.CVE-2023-1234']
export const MALSITE_CATEGORIES: readonly string[] = ['Phishing', 'Malware Distribution', 'Command and Control',
  'Newly Registered Domain', 'Cryptomining']
export const UBA_ALERTS: readonly string[] = ['Data exfiltration', 'Shared credentials', 'Bulk download',
  'New location login', 'Impossible travel', 'Rare application']
export const AUDIT_EVENTS: readonly string[] = ['Admin logged in', 'Edited policy', 'Applied changes',
  'Created REST API v2 token', 'Added URL list', 'Deployed URL lists', 'Changed steering configuration',
  'Downloaded client logs']
export const INFRA_ALARMS: readonly { name: string; category: string }[] = [
  { name: 'Tunnel Down', category: 'IPSec' },
  { name: 'Publisher Disconnected', category: 'Private Access' },
  { name: 'High CPU', category: 'Secure Forwarder' },
  { name: 'Certificate Expiring', category: 'Certificates' },
  { name: 'GRE Tunnel Flapping', category: 'GRE' }
]
export const DEVICE_EVENTS: readonly string[] = ['USB Device Connected', 'USB Device Blocked',
  'Bluetooth Device Connected', 'Printer Used', 'Clipboard Copy']
export const PUBLISHERS: readonly string[] = ['pub-frankfurt-1', 'pub-sanjose-2', 'pub-london-1']
export const PRIVATE_APPS: readonly string[] = ['[jira.internal]', '[gitlab.internal]', '[hr-portal]', '[ssh-bastion]']
