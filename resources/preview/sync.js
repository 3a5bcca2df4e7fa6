// newsdesk preview: live body updates, scroll sync and click-to-source.
// Loaded as a file (never inline: the page's Content-Security-Policy forbids inline script).
// Talks to the PreviewPanel:
//   Python -> page (runJavaScript, on window.newsdeskPreview once the channel is up):
//                   replaceBody(html, lang, title, generation, keepScroll), scrollToLine(line),
//                   markCursorLine(line) (marks the block the editor's cursor is in)
//   page -> Python (Qt WebChannel, object "preview"):
//                   pageReady(), rendered(generation), previewScrolled(line), blockClicked(line)
// Lines are the 0-based source lines in the data-line attributes of the body's blocks.
"use strict";

(function () {
  var bridge = null;
  var ownY = null;         // where our own last scroll put the page (not the user's doing)
  var lastReported = null;
  var scrollPending = false;
  var cursorLine = -1;
  var marked = null;

  function annotated() {
    return document.querySelectorAll("[data-line]");
  }

  function lineOf(element) {
    return parseInt(element.getAttribute("data-line"), 10);
  }

  // The source line of the first block whose bottom is inside the viewport.
  function lineAtTop() {
    if (window.scrollY <= 0) {
      return -1;  // the top of the page: the editor goes to its top too
    }
    var blocks = annotated();
    for (var i = 0; i < blocks.length; i++) {
      if (blocks[i].getBoundingClientRect().bottom > 2) {
        return lineOf(blocks[i]);
      }
    }
    return blocks.length ? lineOf(blocks[blocks.length - 1]) : -1;
  }

  // The block that holds a source line: the last one starting at or before it.
  function blockFor(line) {
    var blocks = annotated();
    var best = null;
    var bestLine = -1;
    for (var i = 0; i < blocks.length; i++) {
      var start = lineOf(blocks[i]);
      if (start <= line && start > bestLine) {
        best = blocks[i];
        bestLine = start;
      }
    }
    return best;
  }

  function scrollQuietly(x, y) {
    window.scrollTo(x, Math.max(0, y));
    ownY = window.scrollY;
  }

  function scrollToLine(line) {
    var block = line < 0 ? null : blockFor(line);
    if (block === null) {
      scrollQuietly(0, 0);
    } else {
      scrollQuietly(0, block.getBoundingClientRect().top + window.scrollY - 6);
    }
    lastReported = lineAtTop();
  }

  function unmark() {
    if (marked !== null) {
      marked.classList.remove("source-current");
      if (marked.classList.length === 0) {
        marked.removeAttribute("class");  // as rendered: compared in morphChildren
      }
      marked = null;
    }
  }

  function markCursorLine(line) {
    cursorLine = line;
    unmark();
    marked = line < 0 ? null : blockFor(line);
    if (marked !== null) {
      marked.classList.add("source-current");
    }
  }

  // Same element, same attributes: only what is inside it may differ.
  function sameShell(a, b) {
    if (a.nodeType !== Node.ELEMENT_NODE || b.nodeType !== Node.ELEMENT_NODE ||
        a.tagName !== b.tagName || a.attributes.length !== b.attributes.length) {
      return false;
    }
    for (var i = 0; i < a.attributes.length; i++) {
      if (b.getAttribute(a.attributes[i].name) !== a.attributes[i].value) {
        return false;
      }
    }
    return true;
  }

  // Make target's children those of source, replacing only the run of children that
  // differ (a keystroke changes one paragraph): Chromium then restyles and lays out that
  // run, not the whole page as innerHTML made it, several times a second while typing.
  function morphChildren(target, source) {
    var olds = Array.prototype.slice.call(target.childNodes);
    var news = Array.prototype.slice.call(source.childNodes);
    var start = 0;
    while (start < olds.length && start < news.length &&
           olds[start].isEqualNode(news[start])) {
      start++;
    }
    var endOld = olds.length;
    var endNew = news.length;
    while (endOld > start && endNew > start &&
           olds[endOld - 1].isEqualNode(news[endNew - 1])) {
      endOld--;
      endNew--;
    }
    if (endOld - start === 1 && endNew - start === 1 && sameShell(olds[start], news[start])) {
      morphChildren(olds[start], news[start]);
      return;
    }
    var anchor = endOld < olds.length ? olds[endOld] : null;
    for (var i = start; i < endOld; i++) {
      target.removeChild(olds[i]);
    }
    for (var j = start; j < endNew; j++) {
      target.insertBefore(news[j], anchor);
    }
  }

  function replaceBody(html, lang, title, generation, keepScroll) {
    var x = window.scrollX;
    var y = window.scrollY;
    unmark();  // not part of the story: the old page is compared without it
    var fresh = document.createElement("template");
    fresh.innerHTML = html;
    morphChildren(document.body, fresh.content);
    document.documentElement.lang = lang;
    document.title = title;
    markCursorLine(cursorLine);
    scrollQuietly(keepScroll ? x : 0, keepScroll ? y : 0);
    // Report once the new content has been laid out and painted.
    window.requestAnimationFrame(function () {
      bridge.rendered(generation);
    });
  }

  function reportScroll() {
    scrollPending = false;
    if (ownY !== null && Math.abs(window.scrollY - ownY) < 1) {
      return;  // the scroll we made ourselves
    }
    ownY = null;
    var line = lineAtTop();
    if (line !== lastReported) {
      lastReported = line;
      bridge.previewScrolled(line);
    }
  }

  function onScroll() {
    if (bridge !== null && !scrollPending) {
      scrollPending = true;
      window.requestAnimationFrame(reportScroll);
    }
  }

  function onClick(event) {
    if (bridge === null || event.target.closest("a")) {
      return;  // links are the host's business (opened in the system browser)
    }
    var block = event.target.closest("[data-line]");
    if (block !== null) {
      bridge.blockClicked(lineOf(block));
    }
  }

  function connect() {
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.preview;
      window.newsdeskPreview = Object.freeze({
        replaceBody: replaceBody,
        scrollToLine: scrollToLine,
        markCursorLine: markCursorLine
      });
      window.addEventListener("scroll", onScroll, {passive: true});
      document.addEventListener("click", onClick);
      bridge.pageReady();
    });
  }

  if (typeof QWebChannel === "undefined" || typeof qt === "undefined") {
    return;  // opened outside newsdesk: a plain page
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", connect);
  } else {
    connect();
  }
})();
