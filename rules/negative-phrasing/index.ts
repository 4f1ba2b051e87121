import {defineRule, ruleUrl} from '../kit/index.js'

const meta = {
  id: 'negative-phrasing',
  description: 'TODO(#2)',
  url: ruleUrl('negative-phrasing'),
  severity: 'warning'
} as const

export default defineRule(meta, () => {})
