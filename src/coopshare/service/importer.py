"""Importing a folder of Markdown files (an Obsidian vault, say) as notes.

Front matter between ``---`` lines is read for ``title`` and ``tags`` (``tags: [a, b]``,
``tags: a, b`` or a ``- item`` list); other keys are ignored. The title falls back to the first
``# heading`` and then the file name. A file that cannot be read is reported and skipped; all
other files are imported in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from coopshare.errors import NotAFolder, ValidationError
from coopshare.service.coop import Coop

MAX_FILE = 1 << 20


@dataclass
class ImportReport:
    imported: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def parse_markdown(text: str, fallback_title: str) -> tuple[str, list[str], str]:
    """(title, tags, body) of a Markdown document with optional front matter."""
    meta: dict[str, object] = {}
    body = text
    if text.startswith("---"):
        m = re.match(r"---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|$)", text, flags=re.S)
        if m is None:
            raise ValidationError("front matter starts with '---' but never ends")
        meta = _front_matter(m.group(1))
        body = text[m.end() :]
    title = str(meta.get("title") or "").strip()
    if not title:
        h = re.search(r"^#\s+(.+)$", body, flags=re.M)
        title = h.group(1).strip() if h else fallback_title
    tags = meta.get("tags", [])
    if isinstance(tags, str):
        tags = [t for t in re.split(r"[,\s]+", tags) if t]
    inline = re.findall(r"(?:^|\s)#([\w/-]+)", body)
    all_tags = [str(t).lstrip("#") for t in [*list(tags), *inline]]  # type: ignore[call-overload]
    return title, list(dict.fromkeys(t for t in all_tags if t)), body


def _front_matter(block: str) -> dict[str, object]:
    meta: dict[str, object] = {}
    key: str | None = None
    for line in block.splitlines():
        item = re.match(r"\s*-\s+(.*)$", line)
        if item and key is not None:
            existing = meta.setdefault(key, [])
            if isinstance(existing, list):
                existing.append(item.group(1).strip().strip("'\""))
            continue
        kv = re.match(r"([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if kv is None:
            continue
        key, value = kv.group(1).lower(), kv.group(2).strip()
        if value.startswith("[") and value.endswith("]"):
            meta[key] = [v.strip().strip("'\"") for v in value[1:-1].split(",") if v.strip()]
        elif value:
            meta[key] = value.strip("'\"")
        else:
            meta[key] = []
    return meta


def import_folder(coop: Coop, folder: Path) -> ImportReport:
    if not folder.is_dir():
        raise NotAFolder(path=str(folder))
    report = ImportReport()
    files = sorted(
        f
        for f in folder.rglob("*.md")
        if f.is_file() and not any(part.startswith(".") for part in f.relative_to(folder).parts)
    )
    with coop.transaction():
        for f in files:
            rel = str(f.relative_to(folder))
            try:
                if f.stat().st_size > MAX_FILE:
                    raise ValidationError(f"larger than {MAX_FILE // 1024} KiB")
                text = f.read_bytes().decode("utf-8")
                title, tags, body = parse_markdown(text, f.stem)
                coop.add_note(title, body, tags)
                report.imported += 1
            except UnicodeDecodeError:
                report.failed.append((rel, "not UTF-8 text"))
            except (ValidationError, OSError) as e:
                report.failed.append((rel, str(e)))
    return report
