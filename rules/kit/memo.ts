const store = Symbol('tactful.memo')

type Owner = object & {[store]?: Map<string, unknown>}

/**
 * A value computed once per owner (a reply's tree, a sentence, a context) and shared by every rule.
 * It is kept on the owner itself, under a symbol, so it goes when the owner goes: module-level weak
 * maps did the same, but an entry for every reply made each garbage collection cost more than the
 * whole sentence view.
 */
export function memo<T>(owner: object, key: string, compute: () => T): T {
  const holder = owner as Owner
  let values = holder[store]
  if (values === undefined) {
    if (!Object.isExtensible(owner)) return compute()
    values = new Map()
    // A plain assignment (not defineProperty) keeps to the fast path; symbol keys stay out of
    // JSON, Object.keys and structuredClone all the same.
    holder[store] = values
  } else if (values.has(key)) {
    return values.get(key) as T
  }
  const value = compute()
  values.set(key, value)
  return value
}
