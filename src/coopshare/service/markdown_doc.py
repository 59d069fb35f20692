"""Reading one Markdown file (an Obsidian or plain vault note) with a real parser.

markdown-it-py (CommonMark) finds the structure; its front-matter plugin finds the block between
``---`` lines at the top, which :func:`front_matter` reads (the small part of YAML that notes
use: ``key: value``, ``key: [a, b]``, ``key:`` followed by ``- item`` lines, quoted strings).
``#tags`` are taken from the text of paragraphs, headings and lists only, never from code spans
or code blocks. Links to other files of the vault (``[[folder/Note]]``, ``[[Note|alias]]``,
``[text](Note.md)``) are found the same way, so :func:`rewrite_links` can point them at the
imported notes' titles (``[[Title]]``, the app's link form).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from coopshare.errors import ValidationError
from coopshare.model.attachments import SCHEME

_MD = MarkdownIt("commonmark").use(front_matter_plugin)
_TAG = re.compile(r"(?:^|(?<=\s))#([\w][\w/-]*)")
_WIKI = re.compile(r"\[\[([^\[\]|#]{1,200})((?:[|#][^\[\]]*)?)\]\]")
_MDLINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]+)\)")
_FILELINK = re.compile(r"(!?\[[^\[\]]*\]\()(<[^<>\n]*>|[^()\s]+)(\))")
_EMBED = re.compile(r"!\[\[([^\[\]|#]{1,200})(?:\|([^\[\]]*))?\]\]")


@dataclass
class Document:
    title: str
    tags: list[str]
    body: str
    links: list[str] = field(default_factory=list)  # link targets as written (wiki and .md)
    lines: set[int] = field(default_factory=set)  # body lines that hold inline text
    files: list[str] = field(default_factory=list)  # images, embeds and links to other files


def parse(text: str, fallback_title: str) -> Document:
    """Title, tags and body of a Markdown document with optional front matter."""
    tokens = _MD.parse(text)
    meta: dict[str, object] = {}
    skip = 0
    if tokens and tokens[0].type == "front_matter":
        meta = front_matter(tokens[0].content)
        skip = tokens[0].map[1] if tokens[0].map else 0
    elif text.startswith("---") and text.split("\n", 1)[0].rstrip() == "---":
        raise ValidationError("front matter starts with '---' but never ends")
    body = "".join(text.splitlines(keepends=True)[skip:])
    title = str(meta.get("title") or "").strip()
    tags = meta.get("tags", [])
    tag_list = [t for t in re.split(r"[,\s]+", tags) if t] if isinstance(tags, str) else tags
    found: list[str] = [str(t).lstrip("#") for t in tag_list] if isinstance(tag_list, list) else []
    links: list[str] = []
    files: list[str] = []
    lines: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.type != "inline":
            continue
        if tok.map:
            lines.update(range(tok.map[0] - skip, tok.map[1] - skip))
        if (
            not title
            and i > 0
            and tokens[i - 1].type == "heading_open"
            and tokens[i - 1].tag == "h1"
        ):
            title = tok.content.strip()
        found += _inline_tags(tok)
        links += _inline_links(tok)
        files += _inline_files(tok)
    tags_out = list(dict.fromkeys(t for t in found if t and not t.isdigit()))
    return Document(
        title or fallback_title, tags_out, body, links, lines, list(dict.fromkeys(files))
    )


def _inline_tags(tok: Token) -> list[str]:
    return [
        m.group(1) for c in tok.children or [] if c.type == "text" for m in _TAG.finditer(c.content)
    ]


def _inline_links(tok: Token) -> list[str]:
    out = []
    for c in tok.children or []:
        if c.type == "link_open":
            href = str(c.attrs.get("href", ""))
            if href.lower().endswith(".md") and "://" not in href:
                out.append(unquote(href))
        elif c.type == "text":
            out += [m.group(1).strip() for m in _WIKI.finditer(c.content)]
    return out


def _inline_files(tok: Token) -> list[str]:
    """Targets of images (``![a](x.png)``), Obsidian embeds (``![[x.png]]``) and links to files
    that are not notes (``[report](x.pdf)``); never URLs or anchors."""
    out = []
    for c in tok.children or []:
        if c.type == "image":
            out.append(unquote(str(c.attrs.get("src", ""))))
        elif c.type == "link_open":
            href = unquote(str(c.attrs.get("href", "")))
            if not href.lower().endswith(".md"):
                out.append(href)
        elif c.type == "text":
            out += [m.group(1).strip() for m in _EMBED.finditer(c.content)]
    return [f for f in out if f and ":" not in f.split("/")[0] and not f.startswith("#")]


def rewrite_files(doc: Document, body: str, resolve: Callable[[str], str | None]) -> str:
    """`body` (the document's body, line for line) with links to files pointed at attachments
    (``attachment:<id>``); `resolve` maps a target as written to an attachment id in hex, or
    None to leave the link as it is. Only lines that hold inline text are touched."""
    wanted = set(doc.files)
    if not wanted:
        return body

    def link(m: re.Match[str]) -> str:
        raw = m.group(2)
        target = unquote(raw[1:-1] if raw.startswith("<") else raw)
        found = resolve(target) if target in wanted else None
        return m.group(0) if found is None else f"{m.group(1)}{SCHEME}{found}{m.group(3)}"

    def embed(m: re.Match[str]) -> str:
        target = m.group(1).strip()
        found = resolve(target) if target in wanted else None
        alt = (m.group(2) or "").strip()
        alt = target if not alt or alt.isdigit() else alt  # |300 is a width in Obsidian
        return m.group(0) if found is None else f"![{alt}]({SCHEME}{found})"

    lines = body.splitlines(keepends=True)
    for n in sorted(doc.lines):
        if 0 <= n < len(lines):
            lines[n] = _FILELINK.sub(link, _EMBED.sub(embed, lines[n]))
    return "".join(lines)


def rewrite_links(doc: Document, resolve: Callable[[str], str | None]) -> str:
    """The body with links to other vault files pointed at their notes' titles (``[[Title]]``);
    `resolve` maps a target as written to a title, or None to leave the link as it is. Only
    lines that hold inline text are touched (never code blocks)."""
    wanted = set(doc.links)
    if not wanted:
        return doc.body

    def wiki(m: re.Match[str]) -> str:
        title = resolve(m.group(1).strip()) if m.group(1).strip() in wanted else None
        return m.group(0) if title is None else f"[[{title}{m.group(2)}]]"

    def mdlink(m: re.Match[str]) -> str:
        target = unquote(m.group(2))
        title = resolve(target) if target in wanted else None
        if title is None:
            return m.group(0)
        text = m.group(1).strip()
        return f"[[{title}|{text}]]" if text and text != title else f"[[{title}]]"

    lines = doc.body.splitlines(keepends=True)
    for n in sorted(doc.lines):
        if 0 <= n < len(lines):
            lines[n] = _MDLINK.sub(mdlink, _WIKI.sub(wiki, lines[n]))
    return "".join(lines)


def front_matter(block: str) -> dict[str, object]:
    """The keys of a front-matter block: strings, lists of strings (lower-cased keys)."""
    meta: dict[str, object] = {}
    key: str | None = None
    for raw in block.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("- ") and key is not None and raw[:1] in (" ", "-", "\t"):
            existing = meta.setdefault(key, [])
            if isinstance(existing, list):
                existing.append(_scalar(stripped[2:]))
            continue
        name, sep, value = line.partition(":")
        if not sep or not name or name[0] in " \t" or not name.replace("-", "_").isidentifier():
            continue
        key, value = name.lower(), value.strip()
        if value.startswith("[") and value.endswith("]"):
            meta[key] = [_scalar(v) for v in _split_list(value[1:-1]) if v.strip()]
        elif value:
            meta[key] = _scalar(value)
        else:
            meta[key] = []
    return meta


def _split_list(inner: str) -> list[str]:
    """Split ``a, "b, c", 'd'`` at commas outside quotes."""
    out, current, quote = [], "", ""
    for ch in inner:
        if quote:
            current += ch
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
            current += ch
        elif ch == ",":
            out.append(current)
            current = ""
        else:
            current += ch
    out.append(current)
    return out


def _scalar(value: str) -> str:
    v = value.strip()
    if len(v) >= 2 and v[0] == v[-1] == '"':
        try:
            return str(json.loads(v))
        except ValueError:
            return v[1:-1]
    if len(v) >= 2 and v[0] == v[-1] == "'":
        return v[1:-1].replace("''", "'")
    return v


def quote_scalar(value: str) -> str:
    """A string as :func:`front_matter` reads it back exactly (a JSON string)."""
    return json.dumps(value, ensure_ascii=False)
