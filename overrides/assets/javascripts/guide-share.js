"use strict";
(function () {
  var links = document.querySelectorAll("a[data-guide-share]");
  var canShare = typeof navigator.share === "function";
  function title(link) {
    return link.getAttribute("data-guide-share");
  }
  function shareText(link) {
    return title(link) + " " + location.href;
  }
  Array.prototype.forEach.call(links, function (link) {
    if (canShare) {
      link.lastElementChild.textContent = link.getAttribute("data-guide-share-label");
    }
    link.addEventListener("click", function (event) {
      var whatsapp = "https://wa.me/?text=" + encodeURIComponent(shareText(link));
      if (!canShare) {
        link.href = whatsapp;
        return;
      }
      event.preventDefault();
      navigator
        .share({ title: title(link), text: title(link), url: location.href })
        .catch(function (error) {
          if (error && error.name !== "AbortError") location.href = whatsapp;
        });
    });
  });
})();
