import {defineRule, ruleUrl} from '../kit/index.js'

const meta = {
  id: 'jargon',
  description: 'TODO(#2)',
  url: ruleUrl('jargon'),
  severity: 'warning'
} as const

export default defineRule(meta, () => {})
