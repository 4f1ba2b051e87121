// What the bench times, each as one function of a text: the bare parser, tactful and alex.
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'

/**
 * Load the contenders. Each `run(text)` resolves to how many findings it made (the floor makes
 * none), so a bench that lints nothing shows up.
 */
export async function loadContenders(root) {
  const floor = unified().use(retextEnglish).freeze()
  const {lint} = await importFrom(path.join(root, 'packages/tactful/dist/index.js'), 'tactful (run `npm run build`)')
  const {text: alexText} = await importFrom('alex', 'alex (a devDependency)')
  return [
    {id: 'floor', label: 'floor: retext-english parse + run', run: parseAndRun(floor)},
    lintContender(lint),
    {
      id: 'alex',
      label: 'alex `text()`',
      async run(text) {
        return alexText(text).messages.length
      }
    }
  ]
}

/** A contender's `run` that parses and runs `processor` with no rules: it makes no findings. */
export function parseAndRun(processor) {
  return async (text) => {
    const file = new VFile(text)
    const tree = processor.parse(file)
    await processor.run(tree, file)
    return 0
  }
}

/** tactful's `lint()` with every rule on, resolving to how many findings it made. */
export function lintContender(lint) {
  return {
    id: 'tactful',
    label: 'tactful `lint()`, every rule on',
    async run(text) {
      return (await lint(text)).findings.length
    }
  }
}

/** Count the `WordNode`s in the floor's tree of `text`: the bench's word count. */
export function countWords(text) {
  const tree = unified().use(retextEnglish).parse(text)
  let words = 0
  const stack = [tree]
  while (stack.length > 0) {
    const node = stack.pop()
    if (node.type === 'WordNode') words++
    else if (node.children) stack.push(...node.children)
  }
  return words
}

/** Import a module, or throw an error that says what to do when it cannot be loaded. */
export async function importFrom(specifier, name) {
  try {
    return await import(specifier.startsWith('/') ? pathToFileURL(specifier).href : specifier)
  } catch (error) {
    throw new Error(`Cannot load ${name}: ${error.message}`, {cause: error})
  }
}
