import {defineRule, ruleUrl} from '../kit/index.js'

const meta = {
  id: 'blame-shifting',
  description: 'TODO(#2)',
  url: ruleUrl('blame-shifting'),
  severity: 'warning'
} as const

export default defineRule(meta, () => {})
