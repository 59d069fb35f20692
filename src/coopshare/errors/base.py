"""The root of the error tree: :class:`CoopShareError` (type, structured fields, English
template) and :class:`UserError`. The package docstring (``coopshare/errors/__init__.py``)
says how to add an error."""

from __future__ import annotations

from typing import Any, ClassVar


class CoopShareError(Exception):
    """Root of all CoopShare errors."""

    template: ClassVar[str] = "{detail}"
    detail: str

    def __init__(self, detail: str = "", /, **fields: Any) -> None:
        self.detail = detail
        self.fields: dict[str, Any] = dict(fields)
        for key, value in fields.items():
            setattr(self, key, value)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The English one-line text (the CLI's line; the GUI translates by type instead)."""
        try:
            text = self.template.format(detail=self.detail, **self.fields)
        except (KeyError, IndexError, ValueError):
            text = self.detail or type(self).__name__
        if self.detail and "{detail}" not in self.template:
            text = f"{text} ({self.detail})"
        return text

    def __str__(self) -> str:
        return self.message


class UserError(CoopShareError):
    """Something the user asked for cannot be done; the detail says why."""
