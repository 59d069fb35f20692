"""A lead's history in words: who did what and when, and why a step had no effect.

Texts are translated in the ``LeadHistory`` context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout

from coopshare.gui import theme
from coopshare.gui.pages.base import plain_label
from coopshare.gui.text import date_time_text, safe
from coopshare.service.api import LeadDetail, LeadStep, lead_rules


def _t(text: str) -> str:
    return QCoreApplication.translate("LeadHistory", text)


def moment(ms: int) -> str:
    """Date and time of a step, local, in the UI language (gui/text.py)."""
    return date_time_text(ms)


def did_text(act: str, member: str) -> str:
    """What a step did, after its actor's name: "claimed the lead" (also the Activity feed)."""
    texts = {
        "interest": _t("said they are interested"),
        "claim": _t("claimed the lead"),
        "accept-terms": _t("accepted the referral terms"),
        "contacted": _t("contacted the client"),
        "proposal": _t("sent a proposal"),
        "won": _t("won the assignment"),
        "lost": _t("lost the assignment"),
        "give-back": _t("gave the lead back"),
        "withdraw": _t("withdrew the lead"),
        "reopen": _t("reopened the lead"),
        "confirm-won": _t("confirmed the assignment was won"),
        "window": _t("set an interest window"),
    }
    if act == "pass-on":
        return _t("passed the lead on to {0}").format(member)
    if act == "pick":
        return _t("gave the lead to {0}").format(member)
    if act == "release":
        return _t("released the client's details to {0}").format(member)
    return texts.get(act, _t("did something this version does not know"))


def _why(reason: str, first: str) -> str:
    texts = {
        lead_rules.NOT_GIVER: _t("only the giver can do that"),
        lead_rules.NOT_CLAIMER: _t("only the claimer can do that"),
        lead_rules.GIVER_CANNOT_CLAIM: _t("the giver cannot take their own lead"),
        lead_rules.WINDOW_OPEN: _t("the interest window was still open"),
        lead_rules.NO_WINDOW: _t("there was no open interest window"),
        lead_rules.NOT_INTERESTED: _t("that member had not said they were interested"),
        lead_rules.ALREADY_INTERESTED: _t("they had already said so"),
        lead_rules.WRONG_STATUS: _t("the lead was not at that step"),
        lead_rules.CLOSED_LEAD: _t("the lead was closed"),
        lead_rules.BAD_MEMBER: _t("that member cannot take this lead"),
        lead_rules.BEFORE_CREATION: _t("it was dated before the lead existed"),
        lead_rules.BACKDATED: _t(
            "it was backdated: the same device had already signed something dated later"
        ),
        "no-acceptance": _t("the claimer had not accepted the current referral terms"),
        "to-non-claimer": _t("that member was not the claimer"),
        "not-by-owner": _t("only the giver can release the client's details"),
    }
    if reason == lead_rules.ALREADY_CLAIMED:
        return _t("{0} was first").format(first)
    return texts.get(reason, _t("the rules did not allow it"))


def step_text(s: LeadStep) -> str:
    """One history line as plain text: when, then what happened."""
    return f"{moment(s.ms)}  {step_sentence(s)}"


def step_sentence(s: LeadStep) -> str:
    """What happened in one step, without its moment (a notification says it now)."""
    who = _t("You") if s.who_is_me else safe(s.who, 80)
    member = _t("you") if s.member_is_me else safe(s.member, 80)
    if s.act == lead_rules.LAPSED:
        line = _t("The claim by {0} lapsed: no update for two working days").format(member)
    elif s.act == lead_rules.WINDOW_ENDED:
        line = (
            _t("The interest window ended: the lead went to {0}, the first to ask").format(member)
            if s.member
            else _t("The interest window ended with nobody interested: the lead is open")
        )
    else:
        line = f"{who} {did_text(s.act, member)}"
    if not s.ok:
        line = _t("{0} — no effect: {1}").format(line, _why(s.reason, member))
    return line


def fill_history(rows: QVBoxLayout, d: LeadDetail, dark: bool) -> None:
    """One plain-text label per step, newest last (peer-written names never read as markup);
    steps without effect in the theme's error colour."""
    while (old := rows.takeAt(0)) is not None:
        if (w := old.widget()) is not None:
            w.deleteLater()
    colour = theme.ERROR_ON_DARK if dark else theme.ERROR
    for s in d.history:
        label = plain_label(step_text(s))
        if not s.ok:
            label.setStyleSheet(f"color: {colour};")
        rows.addWidget(label)


def history_text(rows: QVBoxLayout) -> str:
    """The history as shown, one step per line."""
    items = (rows.itemAt(i) for i in range(rows.count()))
    labels = (x.widget() for x in items if x is not None)
    return "\n".join(w.text() for w in labels if isinstance(w, QLabel))


def state_note(d: LeadDetail) -> str:
    """What this member should know about the lead now (contested claim, window, lapse)."""
    notes = []
    if d.first_claimer:
        notes.append(_t("Also claimed by you — {0} was first.").format(safe(d.first_claimer, 80)))
    if d.status == "interest" and d.window_end_ms:
        notes.append(
            _t(
                "Interest window open until {0}. Then the first member who asked gets it, unless the giver picks someone."
            ).format(moment(d.window_end_ms - 60_000))
        )
    if d.is_claimer and d.lapse_ms:
        notes.append(
            _t(
                "Record your first contact with the client before {0}, or the claim lapses and the lead reopens."
            ).format(moment(d.lapse_ms))
        )
    if d.status == "won" and not d.won_confirmed:
        notes.append(_t("Won — waiting for the giver to confirm."))
    return "\n".join(notes)
