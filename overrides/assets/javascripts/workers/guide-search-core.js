/* The guide's search worker, in place of Material's (see hooks/search_index.py and
   hooks/lib/search_build.py for the files it reads). Protocol: {type: 0} -> {type: 1};
   {type: 2, data: query} -> {type: 3, data: {items}}, once with the results and, when passages
   had to be fetched, once more with them. The index entry named in the URL fragment is fetched
   on the first query, then only the shards and passages a query needs. normalize() and words()
   agree with hooks/lib/search_text.py, loosen() and stems() with search_keys.py and
   search_forms.py, whose rules come in the entry (tests/test_browser_search.py checks both). */
"use strict"

const INVISIBLE = /[\u00ad\u200c\u200d\u2060\ufeff]/g
const WORD = /[\p{L}\p{M}\p{N}\u00ad\u200c\u200d\u2060\ufeff]+/gu
const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }
const FORMAT = 2
/* How a match counts, best first: the word as typed, a form of it, a word it begins, a word the
   glossary gives for it, a word that sounds like it. Each step is worth more than the one below
   at its best (rarity, titles and repetition multiply a weight by at most 2.73), so native-script matches
   come before synonyms, and synonyms before phonetic matches. */
const WEIGHT = { exact: 8, form: 7, prefix: 4, synonym: 1.3, synonymPrefix: 1.1, sound: 0.35, soundPrefix: 0.15 }
const SHOWN = 10 /* results Material renders at once: the ones that get a passage */
const PASSAGE_DELAY = 300 /* ms the query must stay unchanged before passages are fetched */
const MAX_PREFIX_SHARDS = 3

function normalize(text) {
  return text.replace(INVISIBLE, "").toLowerCase().normalize("NFC")
    .replace(/[\u0966-\u096f\u09e6-\u09ef]/g, d => String(d.charCodeAt(0) - (d < "\u09e6" ? 0x966 : 0x9e6)))
}

/* [start, end, normalized word] for each run of letters, marks and digits */
function words(text) {
  const out = []
  for (const m of text.matchAll(WORD)) {
    const word = normalize(m[0])
    if (word)
      out.push([m.index, m.index + m[0].length, word])
  }
  return out
}

const letters = text => [...text].length
const bases = text => (text.match(/\p{L}|\p{N}/gu) || []).length /* letters without vowel signs */

/* The phonetic key of Latin text (lib/search_keys.py: the rules come from there) */
function loosen(latin, rules) {
  let key = latin.toLowerCase()
  for (const [pattern, replacement] of rules)
    key = key.replace(new RegExp(pattern, "g"), replacement)
  return key
}

/* The stems a word may be a form of (lib/search_forms.py stem_candidates) */
function stems(word, table) {
  const out = [], vowel = new RegExp(table.vowel)
  for (const [ending, replacement, after] of table.endings) {
    if (!word.endsWith(ending) || letters(word) <= letters(ending))
      continue
    let stem = word.slice(0, word.length - ending.length)
    if (after && !vowel.test(stem))
      continue
    stem += replacement
    if (letters(stem) >= table.min && !table.never.includes(stem) && stem !== word && !out.includes(stem))
      out.push(stem)
  }
  return out
}

const escape = text => text.replace(/[&<>"']/g, c => ESCAPES[c])

function mark(text, hit, spans = words(text)) {
  let out = "", last = 0
  for (const [start, end, word] of spans)
    if (hit.has(word)) {
      out += `${escape(text.slice(last, start))}<mark>${escape(text.slice(start, end))}</mark>`
      last = end
    }
  return out + escape(text.slice(last))
}

/* ---------------------------------------------------------------- files */

let entry = null, base = null
const files = new Map()
const forms = new Map() /* how pages write a word when it is not its normalized form */
const titles = new Map() /* page -> the words of its title */

function fetchJSON(name) {
  const url = new URL(name, base).href
  if (!files.has(url))
    files.set(url, fetch(url).then(response => {
      if (!response.ok)
        throw new Error(`${response.status} ${response.url}`)
      return response.json()
    }).catch(error => {
      files.delete(url)
      throw error
    }))
  return files.get(url)
}

function frontDecoded(coded) {
  let word = ""
  return coded ? coded.split(" ").map(w => word = word.slice(0, +w[0]) + w.slice(1)) : []
}

async function loadEntry() {
  if (!entry) {
    base = new URL(location.hash.slice(1), location.href)
    const data = await fetchJSON(base.href)
    if (data.format !== FORMAT)
      throw new Error(`search index format ${data.format}, worker ${FORMAT}`)
    entry = data
  }
  return entry
}

const decoded = new Map()
/* A vocabulary ("words") or key ("keys") shard, decoded once */
function shard(kind, index) {
  const [, name] = entry[kind][index]
  if (!decoded.has(name))
    decoded.set(name, fetchJSON(name).then(data => ({
      names: frontDecoded(data[kind]),
      pages: data.pages,
      words: data.words,
      stem: data.stem || {}, forms: data.forms || {}, written: data.written || {}
    })).catch(error => {
      decoded.delete(name)
      throw error
    }))
  return decoded.get(name)
}

/* The shard whose range holds `word` (the first word of each is in the entry) */
function shardOf(kind, word) {
  const list = entry[kind]
  let lo = 0, hi = list.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (list[mid][0] <= word) lo = mid
    else hi = mid - 1
  }
  return lo
}

function shardsFor(kind, prefix) {
  const first = shardOf(kind, prefix), last = shardOf(kind, prefix + "\uffff")
  const out = []
  for (let i = first; i <= Math.min(last, first + MAX_PREFIX_SHARDS - 1); i++)
    out.push(i)
  return out
}

function find(names, word) {
  let lo = 0, hi = names.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (names[mid] < word) lo = mid + 1
    else hi = mid
  }
  return lo
}

/* {name, postings, stem, forms, written} for a word or key in the index, or null */
async function lookup(kind, name) {
  if (!entry[kind].length)
    return null
  const s = await shard(kind, shardOf(kind, name))
  const i = find(s.names, name)
  return s.names[i] === name ? record(s, i) : null
}

/* Every word or key that starts with `prefix` */
async function withPrefix(kind, prefix) {
  if (!entry[kind].length)
    return []
  const out = []
  for (const s of await Promise.all(shardsFor(kind, prefix).map(i => shard(kind, i))))
    for (let i = find(s.names, prefix); i < s.names.length && s.names[i].startsWith(prefix); i++)
      out.push(record(s, i))
  return out
}

function record(s, i) {
  s.records = s.records || []
  return s.records[i] = s.records[i] || {
    name: s.names[i], postings: postings(s.pages[i]), words: s.words ? s.words[i] : [s.names[i]],
    stem: s.stem[i], forms: s.forms[i] || [], written: s.written[i] || []
  }
}

/* [{page, flags, parts}] from a posting string (lib/search_build.py) */
function postings(coded) {
  const width = entry.width, out = []
  for (const item of coded ? coded.split(",") : [])
    out.push({
      page: parseInt(item.slice(0, width), 36),
      flags: +item[width],
      parts: [...item.slice(width + 1)].map(c => parseInt(c, 36))
    })
  return out
}

/* ---------------------------------------------------------------- matching */

/* The matches of one query term: [{record, weight}] by kind of match */
async function matchTerm(term, phrases) {
  const found = [], seen = new Set()
  const add = (rec, weight) => {
    if (rec && !seen.has(rec.name + "\u0000" + rec.words)) {
      seen.add(rec.name + "\u0000" + rec.words)
      found.push({ rec, weight })
    }
  }
  const long = bases(term) >= 2 /* पे is one letter: matched as typed, not as the start of words */
  const [exact, started] = await Promise.all([
    lookup("words", term), long ? withPrefix("words", term) : []
  ])
  add(exact, WEIGHT.exact)

  /* forms: the stem of the word typed, and every form of that stem */
  const stemNames = exact ? (exact.stem ? [exact.stem] : []) : stems(term, entry.suffixes)
  const stemRecords = (await Promise.all(stemNames.map(s => lookup("words", s)))).filter(Boolean)
  const formNames = new Set(exact ? exact.forms : [])
  for (const rec of stemRecords) {
    add(rec, WEIGHT.form)
    rec.forms.forEach(f => formNames.add(f))
  }
  formNames.delete(term)
  for (const rec of await Promise.all([...formNames].map(f => lookup("words", f))))
    add(rec, WEIGHT.form)
  for (const rec of started)
    add(rec, rec.stem === term ? WEIGHT.form : WEIGHT.prefix)

  /* the glossary's term for an English word, an avoided spelling or another word readers use */
  const targets = phrases.map(target => [target, WEIGHT.synonym])
  for (const [key, list] of Object.entries(entry.synonyms))
    if (key === term || (letters(term) >= 3 && !key.includes(" ") && key.startsWith(term)))
      for (const target of list)
        targets.push([target, key === term ? WEIGHT.synonym : WEIGHT.synonymPrefix])
  const glossary = await Promise.all(targets.map(async ([target, weight]) =>
    [await Promise.all(target.split(" ").map(w => lookup("words", w))), weight]))

  /* words that sound like a word typed in Latin letters */
  const sound = []
  if (entry.rules && /^[a-z]+$/.test(term)) {
    const key = loosen(term, entry.rules)
    const [same, longer] = await Promise.all([
      key ? lookup("keys", key) : null,
      key.length >= entry.prefix_key ? withPrefix("keys", key) : []
    ])
    if (same)
      sound.push([same, WEIGHT.sound])
    for (const rec of longer)
      if (rec.name !== key)
        sound.push([rec, WEIGHT.soundPrefix])
  }
  return { found, glossary, sound }
}

function factor(posting, count) {
  const pages = entry.pages.length
  const idf = Math.log(1 + pages / Math.max(count, 1)) / Math.log(1 + Math.max(pages, 1))
  const bonus = posting.flags & 1 ? 0.5 : posting.flags & 2 ? 0.25 : 0
  const repeated = Math.min(posting.parts.length, 6) - 1
  return (1 + 0.4 * idf) * (1 + bonus) * (1 + 0.06 * Math.max(repeated, 0))
}

/* page -> {score, words: Set, parts: Map(part -> weight)} for one term */
function scoreTerm(matches) {
  const pages = new Map()
  const hit = (page, score, names, parts) => {
    const p = pages.get(page) || pages.set(page, { score: 0, words: new Set(), parts: new Map() }).get(page)
    p.score = Math.max(p.score, score)
    names.forEach(name => p.words.add(name))
    for (const part of parts)
      p.parts.set(part, Math.max(p.parts.get(part) || 0, score))
  }
  for (const { rec, weight } of matches.found) {
    if (rec.written.length)
      forms.set(rec.name, rec.written)
    const list = rec.postings
    for (const posting of list)
      hit(posting.page, weight * factor(posting, list.length), [rec.name], posting.parts)
  }
  for (const [records, weight] of matches.glossary) {
    if (!records.length || records.some(r => !r))
      continue
    const lists = records.map(r => new Map(r.postings.map(p => [p.page, p])))
    for (const page of lists[0].keys()) {
      if (!lists.every(list => list.has(page)))
        continue
      const score = weight * Math.min(...lists.map(list => factor(list.get(page), list.size)))
      hit(page, score, records.map(r => r.name), lists.flatMap(list => list.get(page).parts))
    }
  }
  for (const [rec, weight] of matches.sound) {
    const list = rec.postings
    for (const posting of list)
      hit(posting.page, weight * factor(posting, list.length), rec.words, posting.parts)
  }
  return pages
}

/* Ways a page may write a word: with joiners, with Bengali or Devanagari digits */
function written(word) {
  const out = [word, ...forms.get(word) || []]
  if (/\d/.test(word))
    for (const zero of [0x9e6, 0x966])
      out.push(word.replace(/\d/g, d => String.fromCharCode(zero + +d)))
  return out
}

/* Ranked pages for a query: [{page, score, words, parts, terms}] */
async function rank(query) {
  const typed = words(query).map(w => w[2]), terms = [...new Set(typed)]
  /* a synonym of several words ("विनिमय दर") counts for each of its words typed in a row */
  const phrases = new Map(terms.map(term => [term, []])), row = ` ${typed.join(" ")} `
  for (const [key, list] of Object.entries(entry.synonyms))
    if (key.includes(" ") && row.includes(` ${key} `))
      for (const word of key.split(" "))
        phrases.get(word).push(...list)
  const perTerm = await Promise.all(terms.map(async term => scoreTerm(await matchTerm(term, phrases.get(term)))))
  const pages = new Map()
  perTerm.forEach((scores, t) => {
    for (const [page, hit] of scores) {
      const p = pages.get(page) || pages.set(page, { page, score: 0, words: new Set(), terms: new Set(), parts: new Map() }).get(page)
      p.score += hit.score
      p.terms.add(terms[t])
      hit.words.forEach(w => p.words.add(w))
      for (const [part, weight] of hit.parts)
        p.parts.set(part, (p.parts.get(part) || 0) + weight)
    }
  })
  const ranked = [...pages.values()]
  for (const p of ranked)
    p.score *= (1 + p.terms.size / terms.length) ** 2
  ranked.sort((a, b) => b.score - a.score || a.page - b.page)
  return { terms, ranked }
}

/* The part with the most of the query in it (the first, which ends with the navigation titles,
   when only those matched) */
function bestPart(result) {
  let best = 0, weight = -1
  for (const [part, w] of result.parts)
    if (w > weight || (w === weight && part < best))
      [best, weight] = [part, w]
  return best
}

const partName = (page, part) => `p-${entry.passages}-${page.toString(36)}-${part.toString(36)}.json`
const address = page => entry.prefix + entry.pages[page][0]

/* ---------------------------------------------------------------- passages */

/* "…text <mark>word</mark> text…" around the first of `hit` in `text`, or null */
function passage(text, hit, before = 60, after = 160) {
  const match = words(text).find(w => hit.has(w[2]))
  if (!match)
    return null
  let start = Math.max(0, match[0] - before), end = Math.min(text.length, match[1] + after)
  if (start > 0)
    start = Math.max(text.indexOf(" ", start) + 1, 0) || start
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end)
    end = space > match[1] ? space : end
  }
  return (start > 0 ? "…" : "") + mark(text.slice(start, end), hit) + (end < text.length ? "…" : "")
}

/* Material's items for one result: the page, then sections of the passage that match */
function item(result, terms, part) {
  const location = address(result.page), title = entry.pages[result.page][1]
  const hit = result.words
  const matched = {}
  for (const word of [...hit].sort((a, b) => a.length - b.length).slice(0, 12)
    .flatMap(word => written(word)).sort((a, b) => b.length - a.length))
    matched[word] = true
  for (const term of terms)
    if (!result.terms.has(term))
      matched[term] = false
  let text = ""
  const sections = []
  for (const [where, heading, body] of part || []) {
    const quote = passage(body, hit) || (words(heading).some(w => hit.has(w[2])) ? passage(heading, hit) : null)
    if (!quote)
      continue
    if (!text)
      text = `<p>${quote}</p>`
    if (where && where !== location && sections.length < 3 && !sections.some(s => s.location === where))
      sections.push({ location: where, title: mark(heading, hit), text: `<p>${quote}</p>`, score: result.score * 0.9, terms: matched })
  }
  const spans = titles.get(result.page) || titles.set(result.page, words(title)).get(result.page)
  return [{ location, title: mark(title, hit, spans), text, score: result.score, terms: matched }, ...sections]
}

/* ---------------------------------------------------------------- queries */

let latest = 0
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))

async function query(text, id, post) {
  await loadEntry()
  const { terms, ranked } = await rank(text)
  if (id !== latest)
    return
  const shown = ranked.slice(0, SHOWN)
  const wanted = shown.map(r => partName(r.page, bestPart(r)))
  const parts = new Map()
  for (const name of wanted)
    if (name && files.has(new URL(name, base).href))
      parts.set(name, await fetchJSON(name).catch(() => null))
  const respond = () => post({ items: ranked.map((r, i) => item(r, terms, i < SHOWN ? parts.get(wanted[i]) : null)) })
  const missing = wanted.filter(name => name && !parts.has(name))
  respond()
  if (!missing.length)
    return
  /* fetch passages only for a query the reader stays on, and only for the results shown */
  await sleep(PASSAGE_DELAY)
  if (id !== latest)
    return
  await Promise.all(missing.map(async name => parts.set(name, await fetchJSON(name).catch(() => null))))
  if (id === latest)
    respond()
}

async function handle(message) {
  switch (message.type) {
    case 0:
      postMessage({ type: 1 })
      break
    case 2: {
      const id = ++latest
      const post = data => postMessage({ type: 3, data })
      if (!words(message.data).length)
        return post({ items: [] })
      try {
        await query(message.data, id, post)
      } catch (error) {
        console.warn("Search index unavailable:", error)
        if (id === latest)
          post({ items: [] })
      }
      break
    }
    default:
      throw new TypeError("Invalid message type")
  }
}

self.guideSearch = { normalize, words, loosen, stems, passage, handle } // handle: guide-search.js
