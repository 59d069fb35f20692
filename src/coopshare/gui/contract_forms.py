"""A lead's contract form is stored as a stable code ("freelance", …), never as the label shown
in the writer's language, so every member reads it in their own language (#23). Free text a
giver typed stays as typed; labels stored by older versions (English or Dutch) are read as
their code."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTRACT_FORMS = {  # code -> English label (translated in the "LeadForm" context)
    "freelance": "Freelance (self-employed)",
    "intermediary": "Through an intermediary",
    "secondment": "Secondment",
    "temporary": "Temporary employment",
}
_STORED_DUTCH = {  # labels older versions stored from a Dutch interface
    "Freelance (zzp)": "freelance",
    "Via een intermediair": "intermediary",
    "Detachering": "secondment",
    "Tijdelijk dienstverband": "temporary",
}


def _label(code: str) -> str:
    return QCoreApplication.translate("LeadForm", CONTRACT_FORMS[code])


def contract_code(value: str) -> str:
    """The code for a label in any language (or a code); free text unchanged."""
    value = value.strip()
    if value in CONTRACT_FORMS:
        return value
    for code, english in CONTRACT_FORMS.items():
        if value in (english, _label(code)):
            return code
    return _STORED_DUTCH.get(value, value)


def contract_label(value: str) -> str:
    """What to show for a stored value, in the interface's language."""
    code = contract_code(value)
    return _label(code) if code in CONTRACT_FORMS else value
