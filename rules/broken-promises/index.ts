import {defineRule, ruleUrl} from '../kit/index.js'

const meta = {
  id: 'broken-promises',
  description: 'TODO(#2)',
  url: ruleUrl('broken-promises'),
  severity: 'warning'
} as const

export default defineRule(meta, () => {})
