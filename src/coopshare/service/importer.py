"""Importing a folder of Markdown files (an Obsidian vault, say) as notes.

Each ``.md`` file is read with markdown-it-py (service/markdown_doc.py): title from the front
matter, then the first ``# heading``, then the file name; tags from the front matter and from
``#tags`` in the text (not in code). Links to other files of the folder are pointed at the
imported notes. Images (PNG, JPEG, GIF, WebP) and PDFs that a note links to or embeds
(``![](foto.png)``, ``![[foto.png]]``, ``[offerte](offerte.pdf)``) are imported as encrypted
attachments (service/attachments.py, caps in model/attachments.py) and the links pointed at
them (``attachment:<id>``); every other file is reported as skipped, one by one, with the
reason (:class:`Skip`). A file that cannot be read is reported and skipped; all others go in in
one transaction.

Importing the same folder again updates instead of duplicating: each imported file (note or
attachment) is
remembered by its folder name and relative path, and by its content hash, as keyed hashes
(HMAC under the master key) pointing at sealed records ``{item, hash}`` in the ``meta`` table
(never a path or title in plain text on disk). An unchanged file is left alone, a changed one
edits its note, a moved one (same content) is recognised by its hash.
"""

from __future__ import annotations

import enum
import functools
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import msgpack

from coopshare.crypto import primitives as p
from coopshare.errors import AttachmentLimit, DecryptError, NotAFolder, ValidationError
from coopshare.model import attachments as att
from coopshare.service import attachments, markdown_doc
from coopshare.service.coop import Coop

MAX_FILE = 1 << 20
Progress = Callable[[int, int], None]
_PURPOSE = b"import"


class Skip(enum.StrEnum):
    """Why a file other than a note was not imported."""

    UNLINKED = "not-linked"  # no note links to it
    TYPE = "not-image-or-pdf"
    TOO_LARGE = "too-large"
    LIMIT = "attachment-limit"  # the member already has MAX_SLOTS attachments


SKIP_TEXT = {
    Skip.UNLINKED: "skipped: no note links to it",
    Skip.TYPE: "skipped: not a PNG, JPEG, GIF or WebP image or a PDF",
    Skip.TOO_LARGE: f"skipped: larger than {att.MAX_FILE // 1_000_000} MB",
    Skip.LIMIT: f"skipped: you already have {att.MAX_SLOTS} attachments",
}


@dataclass(frozen=True)
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: tuple[tuple[str, str], ...] = ()  # (path, reason)
    skipped: tuple[tuple[str, Skip], ...] = ()  # (path, reason): files not imported
    attached: int = 0  # attachments written (new or changed)


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
    docs: list[tuple[PurePosixPath, bytes, markdown_doc.Document]] = []
    others: dict[str, Path] = {}
    resolver = _Resolver()
    for f in _files(folder):
        rel = PurePosixPath(f.relative_to(folder).as_posix())
        if f.suffix.lower() != ".md":
            others[str(rel)] = f
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
        files = _Files(coop, folder.name, others)
        for rel, _, doc in docs:
            for target in doc.files:
                files.want(files.target(rel, target))
        files.write_all(failed)
        for i, (rel, raw, doc) in enumerate(docs):
            body = markdown_doc.rewrite_links(doc, functools.partial(resolver.resolve, rel))
            body = markdown_doc.rewrite_files(doc, body, functools.partial(files.id_of, rel))
            try:
                counts[_upsert(coop, f"{folder.name}/{rel}", raw, doc, body)] += 1
            except ValidationError as e:
                failed.append((str(rel), str(e)))
            if progress is not None:
                progress(i + 1, len(docs))
    skipped = tuple(sorted(files.skipped.items()))
    return ImportReport(counts[0], counts[1], counts[2], tuple(failed), skipped, files.written)


class _Files:
    """The folder's other files: which notes link to, writing them as attachments."""

    def __init__(self, coop: Coop, folder: str, others: dict[str, Path]) -> None:
        self.coop, self.folder, self.others = coop, folder, others
        self.wanted: set[str] = set()
        self.ids: dict[str, str] = {}  # relative path -> attachment id (hex)
        self.skipped: dict[str, Skip] = {}
        self.written = 0
        self.by_path = {name.casefold(): name for name in others}
        self.by_name: dict[str, list[str]] = {}
        for name in others:
            self.by_name.setdefault(PurePosixPath(name).name.casefold(), []).append(name)

    def target(self, here: PurePosixPath, link: str) -> str | None:
        """The folder's file a link in note `here` points at: next to the note, from the
        folder's top, or (a bare name, as Obsidian writes) the one file of that name."""
        t = link.strip().removeprefix("./")
        for candidate in (posixpath.normpath(str(here.parent / t)), posixpath.normpath(t)):
            found = self.by_path.get(candidate.casefold())
            if found is not None:
                return found
        same = self.by_name.get(t.casefold(), []) if "/" not in t else []
        return same[0] if len(same) == 1 else None

    def id_of(self, here: PurePosixPath, link: str) -> str | None:
        """The attachment id (hex) a link in note `here` now points at, if it was imported."""
        return self.ids.get(self.target(here, link) or "")

    def want(self, rel: str | None) -> None:
        if rel is not None:
            self.wanted.add(rel)

    def write_all(self, failed: list[tuple[str, str]]) -> None:
        for rel, path in sorted(self.others.items()):
            if rel not in self.wanted:
                self.skipped[rel] = Skip.UNLINKED
                continue
            try:
                if path.stat().st_size > att.MAX_FILE:
                    self.skipped[rel] = Skip.TOO_LARGE
                    continue
                data = path.read_bytes()
            except OSError as e:
                failed.append((rel, e.strerror or type(e).__name__))
                continue
            mime = att.type_of(path.name, data[:16])
            if mime is None or not data:
                self.skipped[rel] = Skip.TYPE
                continue
            try:
                self.ids[rel] = self._upsert(rel, path.name, data, mime).hex()
            except AttachmentLimit:
                self.skipped[rel] = Skip.LIMIT

    def _upsert(self, rel: str, name: str, data: bytes, mime: str) -> bytes:
        coop, digest = self.coop, p.sha256(data)
        path_key = "import:" + coop.local_key(_PURPOSE, f"file:{self.folder}/{rel}".encode()).hex()
        hash_key = "import:" + coop.local_key(_PURPOSE, b"file:" + digest).hex()
        for lookup in (path_key, hash_key):
            record = _record(coop, lookup)
            if record is None or attachments.read(coop, record[0]) is None:
                continue
            item_id, old = record
            if old != digest:
                slot = att.slot_of(item_id)
                assert slot is not None
                item_id = attachments.write(coop, data, name, mime, slot[0])
                self.written += 1
            _remember(coop, item_id, digest, path_key, hash_key)
            return item_id
        item_id = attachments.write(coop, data, name, mime)
        self.written += 1
        _remember(coop, item_id, digest, path_key, hash_key)
        return item_id


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
