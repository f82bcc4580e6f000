// Keeps the emergency pages on the phone, so a person whose signal drops still sees what to do.
//
// The site serves this file at /service-worker.js, after one line that sets self.OFFLINE_CONFIG:
// the cache name for this release, the public pages to keep, the offline page and the static
// files they use. Nothing else is ever stored: pages are fetched without cookies (so never with
// anything from a person's answers), and only into Cache Storage.
"use strict";

var config = self.OFFLINE_CONFIG;

function keepable(response) {
  var control = (response.headers.get("Cache-Control") || "").toLowerCase();
  return response.ok && response.type === "basic" && !/\b(private|no-store)\b/.test(control);
}

// The public copy of a page or file: what anyone without a cookie gets. Pages are checked with
// the site (a 304 when unchanged), so a new release never keeps a page from the one before;
// static files have their content's hash in their name and may come from the browser's cache.
function storePublicCopy(cache, url) {
  var isPage = config.pages.indexOf(url) !== -1;
  var request = new Request(url, { credentials: "omit", cache: isPage ? "no-cache" : "default" });
  return fetch(request).then(function (response) {
    if (!keepable(response)) {
      throw new Error("Not a public page, so not kept: " + url);
    }
    return cache.put(url, response);
  });
}

// The offline page (which carries the emergency numbers and signs) and the static files must be
// kept, or the worker does not install and the browser tries again on the next visit. Each other
// page is kept on its own: one unpublished or renamed since the list was made is left out, and
// the rest are still kept.
self.addEventListener("install", function (event) {
  event.waitUntil(
    caches
      .open(config.cache)
      .then(function (cache) {
        var others = config.pages.filter(function (url) {
          return url !== config.offlinePage;
        });
        return Promise.all(
          [config.offlinePage].concat(config.assets).map(function (url) {
            return storePublicCopy(cache, url);
          }),
        ).then(function () {
          return Promise.all(
            others.map(function (url) {
              return storePublicCopy(cache, url).catch(function () {
                return undefined;
              });
            }),
          );
        });
      })
      .then(function () {
        return self.skipWaiting();
      }),
  );
});

// A new release's worker deletes the pages kept by earlier ones, then looks after every open tab.
self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf(config.cachePrefix) === 0 && name !== config.cache;
            })
            .map(function (name) {
              return caches.delete(name);
            }),
        );
      })
      .then(function () {
        return self.clients.claim();
      }),
  );
});

function isKeptPage(url) {
  return !url.search && config.pages.indexOf(url.pathname) !== -1;
}

// Online, every page comes from the site as usual. Offline, a kept page comes from the cache and
// any other address gets the offline page: a personal page is never in the cache to be served.
function navigate(request) {
  return fetch(request).catch(function () {
    var url = new URL(request.url);
    return caches.open(config.cache).then(function (cache) {
      var kept = isKeptPage(url) ? cache.match(url.pathname) : Promise.resolve(undefined);
      return kept.then(function (response) {
        return response || cache.match(config.offlinePage);
      });
    });
  });
}

function staticFile(request) {
  return caches.open(config.cache).then(function (cache) {
    return cache.match(new URL(request.url).pathname).then(function (response) {
      return response || fetch(request);
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  // Forms and htmx requests, and anything from elsewhere, go to the network untouched.
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(request));
  } else if (config.assets.indexOf(url.pathname) !== -1) {
    event.respondWith(staticFile(request));
  }
});
