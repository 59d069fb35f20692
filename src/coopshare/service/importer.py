"""Importing a folder of Markdown files (an Obsidian vault, say) as notes.

Each ``.md`` file is read with markdown-it-py (service/markdown_doc.py): title from the front
matter, then the first ``# heading``, then the file name; tags from the front matter and from
``#tags`` in the text (not in code). Links to other files of the folder are pointed at the
imported notes. Other files (images, PDFs) are not imported: each is reported as skipped, by
name. A file that cannot be read is reported and skipped; all others go in in one transaction.

Importing the same folder again updates instead of duplicating: each imported file is
remembered by its folder name and relative path, and by its content hash, as keyed hashes
(HMAC under the master key) pointing at sealed records ``{item, hash}`` in the ``meta`` table
(never a path or title in plain text on disk). An unchanged file is left alone, a changed one
edits its note, a moved one (same content) is recognised by its hash.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import msgpack

from coopshare.crypto import primitives as p
from coopshare.errors import DecryptError, NotAFolder, ValidationError
from coopshare.service import markdown_doc
from coopshare.service.coop import Coop

MAX_FILE = 1 << 20
Progress = Callable[[int, int], None]
_PURPOSE = b"import"


@dataclass(frozen=True)
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: tuple[tuple[str, str], ...] = ()  # (path, reason)
    skipped: tuple[tuple[str, str], ...] = ()  # (path, reason): attachments, not imported


def _files(folder: Path) -> list[Path]:
    return sorted(
        f
        for f in folder.rglob("*")
        if f.is_file() and not any(part.startswith(".") for part in f.relative_to(folder).parts)
    )


class _Resolver:
    """Link targets as written (``folder/Note``, ``Note.md``, ``Note``) to imported titles."""

    def __init__(self) -> None:
        self.by_path: dict[str, str] = {}
        self.by_stem: dict[str, str] = {}

    def add(self, rel: PurePosixPath, title: str) -> None:
        self.by_path.setdefault(str(rel.with_suffix("")).casefold(), title)
        self.by_stem.setdefault(rel.stem.casefold(), title)

    def resolve(self, here: PurePosixPath, target: str) -> str | None:
        t = target.strip().removeprefix("./")
        t = t[:-3] if t.lower().endswith(".md") else t
        if not t:
            return None
        for candidate in (str(here.parent / t), t):
            title = self.by_path.get(str(PurePosixPath(candidate)).casefold())
            if title is not None:
                return title
        return None if "/" in t else self.by_stem.get(t.casefold())


def import_folder(coop: Coop, folder: Path, progress: Progress | None = None) -> ImportReport:
    if not folder.is_dir():
        raise NotAFolder(path=str(folder))
    failed: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    docs: list[tuple[PurePosixPath, bytes, markdown_doc.Document]] = []
    resolver = _Resolver()
    files = _files(folder)
    for f in files:
        rel = PurePosixPath(f.relative_to(folder).as_posix())
        if f.suffix.lower() != ".md":
            skipped.append((str(rel), "attachment skipped: attachments are not imported"))
            continue
        try:
            if f.stat().st_size > MAX_FILE:
                raise ValidationError(f"larger than {MAX_FILE // 1024} KiB")
            raw = f.read_bytes()
            doc = markdown_doc.parse(raw.decode("utf-8"), f.stem)
        except UnicodeDecodeError:
            failed.append((str(rel), "not UTF-8 text"))
            continue
        except (ValidationError, OSError) as e:
            failed.append((str(rel), str(e)))
            continue
        docs.append((rel, raw, doc))
        resolver.add(rel, doc.title)
    counts = [0, 0, 0]  # imported, updated, unchanged
    with coop.transaction():
        for i, (rel, raw, doc) in enumerate(docs):
            body = markdown_doc.rewrite_links(doc, functools.partial(resolver.resolve, rel))
            try:
                counts[_upsert(coop, f"{folder.name}/{rel}", raw, doc, body)] += 1
            except ValidationError as e:
                failed.append((str(rel), str(e)))
            if progress is not None:
                progress(i + 1, len(docs))
    return ImportReport(counts[0], counts[1], counts[2], tuple(failed), tuple(skipped))


def _upsert(coop: Coop, key: str, raw: bytes, doc: markdown_doc.Document, body: str) -> int:
    """Write one note; 0 imported, 1 updated, 2 unchanged."""
    digest = p.sha256(raw)
    path_key = "import:" + coop.local_key(_PURPOSE, key.encode()).hex()
    hash_key = "import:" + coop.local_key(_PURPOSE, digest).hex()
    for lookup in (path_key, hash_key):
        record = _record(coop, lookup)
        if record is None:
            continue
        item_id, old = record
        st = coop.item(item_id)
        if st is None or st.is_deleted:
            continue
        if old != digest:
            coop.edit_item(item_id, {"title": doc.title, "tags": doc.tags}, body)
        _remember(coop, item_id, digest, path_key, hash_key)
        return 1 if old != digest else 2
    item_id = coop.add_note(doc.title, body, doc.tags)
    _remember(coop, item_id, digest, path_key, hash_key)
    return 0


def _record(coop: Coop, key: str) -> tuple[bytes, bytes] | None:
    blob = coop.store.meta(key)
    if blob is None:
        return None
    try:
        item_id, digest = msgpack.unpackb(coop.open_local(_PURPOSE, blob))
        return bytes(item_id), bytes(digest)
    except (DecryptError, ValueError, TypeError, msgpack.ExtraData):
        return None


def _remember(coop: Coop, item_id: bytes, digest: bytes, *keys: str) -> None:
    sealed = coop.seal_local(_PURPOSE, msgpack.packb([item_id, digest]))
    for key in keys:
        coop.store.set_meta(key, sealed)
