/* The guide's search worker, in place of Material's (see hooks/search_index.py). Protocol:
   {type: 0} -> {type: 1}; {type: 2, data: query} -> {type: 3, data: {items}}. The index named
   in the URL fragment is fetched on the first query. normalize() and words() must agree with
   hooks/lib/search_text.py, which builds the index. */
"use strict"

const INVISIBLE = /[\u00ad\u200c\u200d\u2060\ufeff]/g
const WORD = /[\p{L}\p{M}\p{N}\u00ad\u200c\u200d\u2060\ufeff]+/gu
const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }

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

const escape = text => text.replace(/[&<>"']/g, c => ESCAPES[c])

function mark(text, hit) {
  let out = "", last = 0
  for (const [start, end, word] of words(text))
    if (hit.has(word)) {
      out += `${escape(text.slice(last, start))}<mark>${escape(text.slice(start, end))}</mark>`
      last = end
    }
  return out + escape(text.slice(last))
}

function prepare(data) {
  const docs = data.docs.map(([location, title]) => ({ location, title }))
  const sections = new Map(), pages = []
  docs.forEach((doc, i) => {
    if (!doc.location.includes("#"))
      sections.set(pages[pages.length] = i, [])
    else if (pages.length)
      sections.get(pages[pages.length - 1]).push(i)
  })
  let word = ""
  const vocab = data.words ? data.words.split(" ").map(w => word = word.slice(0, +w[0]) + w.slice(1)) : []
  const postings = (data.pages ? data.pages.split(" ") : []).map(group => {
    const out = []
    for (let i = 0; i < group.length; i += data.width)
      out.push(pages[parseInt(group.slice(i, i + data.width), 36)])
    return out
  })
  return { docs, sections, vocab, postings, forms: data.forms || {}, synonyms: Object.entries(data.synonyms || {}) }
}

function startingWith(vocab, prefix) {
  let lo = 0, hi = vocab.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (vocab[mid] < prefix) lo = mid + 1
    else hi = mid
  }
  const out = []
  while (lo < vocab.length && vocab[lo].startsWith(prefix))
    out.push(lo++)
  return out
}

/* page -> {score, words} for the pages that have a word starting with each part of `variant` */
function pagesWith(index, variant) {
  let pages = null
  for (const part of variant) {
    const found = new Map()
    for (const w of startingWith(index.vocab, part)) {
      const word = index.vocab[w], where = index.postings[w]
      const weight = (word === part ? 1 : 0.5) * Math.log(1 + index.sections.size / where.length)
      for (const p of where) {
        const hit = found.get(p) || found.set(p, { score: 0, words: [] }).get(p)
        hit.score = Math.max(hit.score, weight)
        hit.words.push(word)
      }
    }
    if (pages)
      for (const [p, hit] of pages) {
        const more = found.get(p)
        if (!more)
          pages.delete(p)
        else {
          hit.score += more.score
          hit.words.push(...more.words)
        }
      }
    else
      pages = found
  }
  return pages
}

/* Ways a page may write a word: with joiners (forms), with Bengali or Devanagari digits */
function written(index, word) {
  const out = [word, ...index.forms[word] || []]
  if (/\d/.test(word))
    for (const zero of [0x9e6, 0x966])
      out.push(word.replace(/\d/g, d => String.fromCharCode(zero + +d)))
  return out
}

function search(index, query) {
  const terms = [...new Set(words(query).map(w => w[2]))]
  const pages = new Map()
  for (const term of terms) {
    /* The term, and the glossary terms it stands for ("payment" on /hi/ finds पेमेंट) */
    const variants = [[term]]
    for (const [key, targets] of index.synonyms)
      if (key === term || (term.length >= 3 && key.startsWith(term)))
        variants.push(...targets.map(target => target.split(" ")))
    variants.forEach((variant, v) => {
      for (const [p, hit] of pagesWith(index, variant)) {
        const page = pages.get(p) || pages.set(p, { terms: new Map(), words: new Set() }).get(p)
        const score = hit.score / variant.length * (v ? 0.8 : 1)
        page.terms.set(term, Math.max(page.terms.get(term) || 0, score))
        hit.words.forEach(word => page.words.add(word))
      }
    })
  }
  const items = []
  for (const [p, page] of pages) {
    const titled = doc => words(index.docs[doc].title).some(w => page.words.has(w[2]))
    const found = index.sections.get(p).filter(titled)
    let score = [...page.terms.values()].reduce((a, b) => a + b, 0)
    score += (titled(p) ? 1.5 : 0) + (found.length ? 0.5 : 0)
    score *= (1 + page.terms.size / terms.length) ** 2
    /* Material highlights the page opened with the terms marked true and lists the false ones
       as missing: give it the words found, as written, longest first so whole words are marked */
    const matched = {}
    for (const word of [...page.words].sort((a, b) => a.length - b.length).slice(0, 12)
      .flatMap(word => written(index, word)).sort((a, b) => b.length - a.length))
      matched[word] = true
    for (const term of terms)
      if (!page.terms.has(term))
        matched[term] = false
    /* The index has no body text: the page's teaser names the words it has */
    const teaser = [...page.words].sort((a, b) => a.length - b.length).slice(0, 6)
      .map(word => `<mark>${escape(word)}</mark>`).join(" · ")
    items.push([p, ...found].map(doc => ({
      location: index.docs[doc].location,
      title: mark(index.docs[doc].title, page.words),
      text: doc === p ? `<p>${teaser}</p>` : "",
      score,
      terms: matched
    })))
  }
  return { items: items.sort((a, b) => b[0].score - a[0].score) }
}

let loading = null
function load() {
  return loading = loading || fetch(new URL(location.hash.slice(1), location.href))
    .then(response => {
      if (!response.ok)
        throw new Error(`${response.status} ${response.url}`)
      return response.json()
    })
    .then(prepare)
    .catch(error => {
      loading = null
      throw error
    })
}

async function handle(message) {
  switch (message.type) {
    case 0:
      return { type: 1 }
    case 2:
      try {
        return { type: 3, data: words(message.data).length ? search(await load(), message.data) : { items: [] } }
      } catch (error) {
        console.warn("Search index unavailable:", error)
        return { type: 3, data: { items: [] } }
      }
    default:
      throw new TypeError("Invalid message type")
  }
}

self.guideSearch = { normalize, words, prepare, search } // for tests
addEventListener("message", async ev => postMessage(await handle(ev.data)))
