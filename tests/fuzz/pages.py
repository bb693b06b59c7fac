"""Saved news pages built around an article's text, as publishers' sites serve them.

No real saved page may be shipped (publishers' copyright), so tests and
benchmarks wrap article text in the furniture a news page carries: a cookie
banner, navigation, share buttons, a byline, a "related stories" list,
inline scripts and styles, a comment section and a footer, with the text's
characters written as HTML character references where sites do (``&#x27;``,
``&amp;``, ``&ldquo;``). ``news_page`` is deterministic.
"""

from __future__ import annotations

import html

__all__ = ["news_page"]

_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="{author}">
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}T10:36:00-04:00">
<link rel="canonical" href="{url}">
<style>body {{ font-family: serif; }} .ad {{ display: none; }}</style>
<script>window.dataLayer = window.dataLayer || [];
function gtag(){{dataLayer.push(arguments);}}</script>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{title}", "datePublished": "{date}",
"author": {{"@type": "Person", "name": "{author}"}}}}</script>
</head>
<body>
<div class="cookie-banner">We use cookies to improve your experience.
<a href="/privacy">Learn more</a>
<button>Accept all</button></div>
<header><a class="logo" href="/">{site}</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/video">Video</a></li></ul></nav>
<form class="search"><input name="q" placeholder="Search"></form></header>
<main>
<article>
<h1>{title}</h1>
<div class="byline">By <a href="/authors/x" rel="author">{author}</a> &middot;
<time datetime="{date}">{date}</time></div>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
<a href="#">Email</a></div>
<div class="article-body">
"""

_TAIL = """</div>
<div class="ad">Advertisement</div>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Senate passes budget bill after late-night session</a></li>
<li><a href="/b">Markets close higher as oil prices fall</a></li>
<li><a href="/c">Five things to watch this week</a></li></ul></aside>
<section id="comments"><h2>Comments</h2>
<div class="comment"><b>reader42</b> says: This is outrageous, who believes this?</div>
<div class="comment"><b>jd_smith</b> says: Great reporting, thanks.</div></section>
</main>
<footer><p>&copy; 2016 {site}. All rights reserved.</p>
<p><a href="/terms">Terms of use</a> | <a href="/privacy">Privacy policy</a> |
<a href="/contact">Contact us</a></p>
<p>Sign up for our newsletter to get the top stories every morning.</p></footer>
<script src="/static/app.js"></script>
<script>gtag('config', 'UA-000000-1');</script>
</body>
</html>
"""


def _paragraph(text: str, number: int) -> str:
    escaped = (
        html.escape(text, quote=True).replace("\u201c", "&ldquo;").replace("\u201d", "&rdquo;")
    )
    if number % 3 == 1:  # some sites wrap a sentence's first words in inline markup
        head, space, rest = escaped.partition(" ")
        escaped = f"<strong>{head}</strong>{space}{rest}"
    return f"<p>{escaped}</p>\n"


def news_page(
    text: str,
    *,
    title: str = "Article",
    site: str = "The Daily Example",
    author: str = "Jane Roe",
    date: str = "2016-03-01",
    url: str = "https://news.example.com/2016/03/01/article",
) -> str:
    """Return a saved news page whose article body holds ``text``, one ``<p>`` per line."""
    fields = {
        "title": html.escape(title),
        "site": html.escape(site),
        "author": html.escape(author),
        "date": date,
        "url": html.escape(url),
    }
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    body = "".join(_paragraph(line, number) for number, line in enumerate(paragraphs))
    return _HEAD.format(**fields) + body + _TAIL.format(**fields)
