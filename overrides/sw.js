/* The guide's service worker: offline reading (hooks/offline_reading.py, ARCHITECTURE.md).
   Served from the site root, so its scope is the whole site at any base path. The build fills
   in BUILD: the deploy's version (a new deploy, new bytes: browsers then install the new worker)
   and each language folder's offline page. offline.json lists every file with its hash.
   Pages: network first, the cached copy after 3 s or offline, else the offline page in the
   page's language. Versioned assets (?v=hash or a hashed name): cache first. Anything else:
   network first. One cache per deploy; a new deploy's worker fills its own cache (copies what
   is unchanged, downloads what changed, leaves out what is gone), then replaces the old one. */
"use strict"

const BUILD = {"version": "dev", "offline": {"": "offline.html"}}
const ROOT = new URL("./", location).href
/* caches are per origin: the path keeps two sites on one host (user.github.io/a/, …/b/) apart */
const PREFIX = "guide " + new URL(ROOT).pathname + " "
const CACHE = PREFIX + BUILD.version
const SAVED = ROOT + "offline-saved"  // the languages saved for offline reading, as JSON
const TIMEOUT = 3000
const HASHED = /\.[0-9a-f]{8}\.min\.\w+$/

const versioned = url => url.searchParams.has("v") || HASHED.test(url.pathname)
const isPage = url => /\/$|\.html$/.test(url.pathname)
const pageKey = url => url.origin + url.pathname.replace(/index\.html$/, "")
const json = value => new Response(JSON.stringify(value), { headers: { "Content-Type": "application/json" } })
const late = ms => new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), ms))

async function hash(response) {
  const digest = await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer())
  return [...new Uint8Array(digest)].slice(0, 8).map(b => b.toString(16).padStart(2, "0")).join("")
}

/* A cached response that is the manifest's version of `key`. */
async function current(response, key, manifest) {
  return !!response && (versioned(new URL(ROOT + key)) || await hash(response) === manifest.files[key][0])
}

async function fetchManifest() {
  const response = await fetch(ROOT + "offline.json", { cache: "no-cache" })
  if (!response.ok)
    throw new Error("offline.json: " + response.status)
  return response.json()
}

async function saved(cache) {
  const response = await cache.match(SAVED)
  return response ? response.json() : []
}

/* Put every key in `cache` at the manifest's version: kept if there already, copied from an
   older cache if unchanged, downloaded otherwise (and checked against its hash, so a deploy
   that is still being uploaded fails the update instead of mixing two versions). */
async function fill(cache, manifest, keys, sources, progress) {
  const total = keys.reduce((sum, key) => sum + manifest.files[key][2], 0)
  let done = 0, next = 0
  async function one(key) {
    const url = ROOT + key
    if (!await current(await cache.match(url), key, manifest)) {
      let copy = null
      for (const source of sources) {
        const response = await source.match(url)
        if (await current(response, key, manifest)) {
          copy = response
          break
        }
      }
      if (copy)
        await cache.put(url, copy)
      else {
        const response = await fetch(url, { cache: versioned(new URL(url)) ? "default" : "no-cache" })
        if (!response.ok || !await current(response, key, manifest))
          throw new Error(key + " is not the version in offline.json")
        await cache.put(url, response)
      }
    }
    done += manifest.files[key][2]
    progress(done, total)
  }
  await Promise.all([0, 1, 2, 3].map(async () => {
    while (next < keys.length)
      await one(keys[next++])
  }))
}

/* A new deploy: carry over what the reader had (saved languages, opened pages) at the new
   versions, and drop what the deploy removed. */
async function migrate(cache, names) {
  const manifest = await fetchManifest()
  if (manifest.version !== BUILD.version)
    throw new Error("offline.json is not this worker's deploy")
  const sources = await Promise.all(names.map(name => caches.open(name)))
  const languages = new Set(), wanted = new Set()
  let pages = false
  for (const source of sources) {
    (await saved(source)).forEach(language => languages.add(language))
    for (const request of await source.keys()) {
      const key = request.url.slice(ROOT.length)
      if (key in manifest.files) {
        wanted.add(key)
        pages = pages || isPage(new URL(request.url))
      }
    }
  }
  const keep = [...languages].filter(language => language in manifest.languages)
  if (pages || keep.length)
    manifest.shared.forEach(key => wanted.add(key))
  keep.forEach(language => manifest.languages[language].forEach(key => wanted.add(key)))
  await fill(cache, manifest, [...wanted], sources, () => {})
  await cache.put(SAVED, json(keep))
}

self.addEventListener("install", event => {
  event.waitUntil((async () => {
    const names = (await caches.keys()).filter(name => name.startsWith(PREFIX) && name !== CACHE)
    const cache = await caches.open(CACHE)
    if (names.length)
      await migrate(cache, names)
    await self.skipWaiting()
  })())
})

self.addEventListener("activate", event => {
  event.waitUntil((async () => {
    for (const name of await caches.keys())
      if (name.startsWith(PREFIX) && name !== CACHE)
        await caches.delete(name)
    await self.clients.claim()
  })())
})

/* The offline page of the language folder `url` is in. */
function offlineUrl(url) {
  const path = url.href.slice(ROOT.length)
  const folder = Object.keys(BUILD.offline).filter(f => path.startsWith(f)).sort((a, b) => b.length - a.length)[0]
  return ROOT + BUILD.offline[folder || ""]
}

/* Kept once a page of its language has been opened: a reader pays for the languages they read. */
async function keepOfflinePage(cache, url) {
  if (!await cache.match(offlineUrl(url)))
    await cache.add(offlineUrl(url)).catch(() => {})
}

/* The page's language's offline page, or that of a language the reader has read. */
async function offlinePage(cache, url) {
  let page = await cache.match(offlineUrl(url))
  for (const path of Object.values(BUILD.offline))
    page = page || await cache.match(ROOT + path)
  return page || Response.error()
}

/* Network first; the cached copy when the network fails or is slower than TIMEOUT. */
async function networkFirst(event, key, page) {
  const cache = await caches.open(CACHE)
  const network = fetch(event.request).then(response => {
    if (response.ok && response.type === "basic")
      return cache.put(key, response.clone()).then(() => page && keepOfflinePage(cache, new URL(key))).then(() => response)
    if (response.status === 404 && page)
      return cache.delete(key).then(() => response)
    return response
  })
  event.waitUntil(network.catch(() => {}))
  try {
    return await Promise.race([network, late(TIMEOUT)])
  } catch (error) {
    const cached = await cache.match(key)
    if (cached)
      return cached
    try {
      return await network
    } catch (error) {
      return page ? offlinePage(cache, new URL(key)) : Response.error()
    }
  }
}

async function cacheFirst(event) {
  const cache = await caches.open(CACHE)
  const cached = await cache.match(event.request)
  if (cached)
    return cached
  const response = await fetch(event.request)
  if (response.ok && response.type === "basic")
    event.waitUntil(cache.put(event.request, response.clone()))
  return response
}

self.addEventListener("fetch", event => {
  const url = new URL(event.request.url)
  if (event.request.method !== "GET" || !url.href.startsWith(ROOT) || url.href === location.href)
    return
  if (event.request.mode === "navigate" || isPage(url))
    event.respondWith(networkFirst(event, pageKey(url), true))
  else if (versioned(url))
    event.respondWith(cacheFirst(event))
  else
    event.respondWith(networkFirst(event, url.href, false))
})

/* The page opened before this worker ran, and what it loaded (from the browser's HTTP cache). */
async function remember(urls) {
  const cache = await caches.open(CACHE)
  for (const href of urls) {
    const url = new URL(href)
    if (!url.href.startsWith(ROOT))
      continue
    const key = isPage(url) ? pageKey(url) : url.href
    if (isPage(url))
      await keepOfflinePage(cache, url)
    if (!await cache.match(key))
      try {
        const response = await fetch(key)
        if (response.ok && response.type === "basic")
          await cache.put(key, response)
      } catch (error) {}
  }
}

/* Save one language's whole guide: its pages, search index and the shared assets. */
async function save(language, progress) {
  const manifest = await fetchManifest()
  if (manifest.version !== BUILD.version) {
    self.registration.update()
    throw new Error("the site has changed: the new worker saves it")
  }
  const cache = await caches.open(CACHE)
  await fill(cache, manifest, [...new Set([...manifest.shared, ...manifest.languages[language]])], [], progress)
  const languages = await saved(cache)
  if (!languages.includes(language))
    await cache.put(SAVED, json([...languages, language]))
}

self.addEventListener("message", event => {
  const data = event.data || {}
  const reply = message => event.source && event.source.postMessage({ ...message, lang: data.lang })
  if (data.type === "seen")
    event.waitUntil(remember([data.page, ...data.urls]))
  else if (data.type === "status")
    event.waitUntil(caches.open(CACHE).then(saved).then(list => reply({ type: "status", saved: list.includes(data.lang) })))
  else if (data.type === "save")
    event.waitUntil(save(data.lang, (done, total) => reply({ type: "progress", done, total }))
      .then(() => reply({ type: "saved" }), () => reply({ type: "failed" })))
})
