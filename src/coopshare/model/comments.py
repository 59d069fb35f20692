"""Comments on a note: each is its commenter's own signed record on the note, never a change
of the note itself (the note stays its author's).

A comment change carries only ``comment`` (the text) and, for an edit of an earlier comment,
``comment_of`` (that comment's op id, hex); an edit with an empty text removes the comment.
The fold keeps every member's records in a set, capped per author at
``fold.MAX_RECORDS_PER_AUTHOR`` (the first by stamp: order-independent), so a member who
writes thousands cannot grow the note's state. Reading applies the other rule: an edit counts
only if its author wrote the comment it names; anyone else's "edit" is never shown; on a note
for named members, only those members' comments are shown.
"""

from __future__ import annotations

from dataclasses import dataclass

COMMENT = "comment"
COMMENT_OF = "comment_of"
COMMENT_FIELDS = frozenset({COMMENT, COMMENT_OF})
MAX_COMMENT = 2_000  # characters

# (author member id, hlc, op id, text, op id of the comment edited or b"")
CommentRecord = tuple[bytes, int, bytes, str, bytes]


@dataclass(frozen=True, slots=True)
class Comment:
    id: bytes  # op id of the first version
    author: bytes  # member id
    text: str
    created: int  # hlc of the first version
    edited: int  # hlc of the version shown (== created if never edited)


def is_comment(fields: dict[str, object]) -> bool:
    """A change that is a comment record (nothing else in it)."""
    return COMMENT in fields and set(fields) <= COMMENT_FIELDS


def current(
    records: set[CommentRecord] | frozenset[CommentRecord],
    audience: frozenset[bytes] = frozenset(),
) -> list[Comment]:
    """The comments as shown, oldest first: each with its author's latest edit; removed ones
    and edits by anyone but the comment's author left out. A note for named members
    (`audience`, member ids) shows only its members' comments: someone outside it who learnt
    the note's id cannot place a comment among them."""
    originals = {r[2]: r for r in records if not r[4] and (not audience or r[0] in audience)}
    latest: dict[bytes, CommentRecord] = {}
    for r in records:
        first = originals.get(r[4]) if r[4] else None
        if first is None or first[0] != r[0]:
            continue  # not an edit, an edit of an unknown comment, or someone else's edit
        shown = latest.get(first[2])
        if shown is None or (r[1], r[2]) > (shown[1], shown[2]):
            latest[first[2]] = r
    out = []
    for op_id, first in originals.items():
        last = latest.get(op_id, first)
        if last[3]:
            out.append(Comment(op_id, first[0], last[3], first[1], last[1]))
    out.sort(key=lambda c: (c.created, c.id))
    return out


def records_by(records: set[CommentRecord], author: bytes) -> int:
    return sum(1 for r in records if r[0] == author)
