/* The search worker Material starts on every page. It answers Material's SETUP, and the empty
   query Material sends as the page starts, at once; it loads the search itself
   (guide-search-core.js, under this file's ?v= version) only when the reader first types, so a
   page that is only read never downloads it. */
addEventListener("message", ev => {
  const message = ev.data
  if (message.type === 0)
    return postMessage({ type: 1 })
  if (!self.guideSearch && !String(message.data || "").trim())
    return postMessage({ type: 3, data: { items: [] } })
  if (!self.guideSearch)
    importScripts("guide-search-core.js" + location.search)
  self.guideSearch.handle(message)
})
