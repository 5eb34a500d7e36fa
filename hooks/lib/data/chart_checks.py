"""Checks of the charts' data: a worked payout's steps add up; summer time is an hour ahead."""

from __future__ import annotations

from typing import Any

from lib.data.checks import check_unique, records_of
from lib.data.document import Document, shown
from lib.formats import offset_minutes


def _cents(value: Any) -> int | None:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    return round(value * 100) if number else None


def check_payout_examples(doc: Document) -> None:
    """Ids unique (examples; steps within each), and each example's steps add up: what the
    client paid less every step is what it says reached the bank, to the cent."""
    check_unique(doc, ["examples"])
    for index, example in records_of(doc, "examples"):
        steps = example.get("steps")
        if not isinstance(steps, list):
            continue
        seen: dict[str, int] = {}
        taken = 0
        for number, step in enumerate(steps):
            if not isinstance(step, dict):
                continue
            step_id = step.get("id")
            if isinstance(step_id, str):
                if step_id in seen:
                    doc.add(
                        ("examples", index, "steps", number, "id"),
                        f"id {shown(step_id)} is used twice in this example (also steps"
                        f"[{seen[step_id]}]): give each step its own",
                    )
                seen.setdefault(step_id, number)
            cents = _cents(step.get("amount"))
            if cents is None:
                return  # the schema reports it
            taken += cents
        paid, received = _cents(example.get("paid")), _cents(example.get("received"))
        if paid is None or received is None:
            continue
        if paid - taken != received:
            doc.add(
                ("examples", index, "received"),
                f"the steps do not add up: {paid / 100:.2f} paid less {taken / 100:.2f} taken "
                f"is {(paid - taken) / 100:.2f}, not {received / 100:.2f}: correct `received` "
                "or a step's amount",
            )


def check_time_zones(doc: Document) -> None:
    """Ids unique; a summer offset is one hour ahead of its standard offset."""
    check_unique(doc, ["homes"])
    check_unique(doc, ["clients"])
    for index, client in records_of(doc, "clients"):
        standard, summer = client.get("standard_offset"), client.get("summer_offset")
        if not (isinstance(standard, str) and isinstance(summer, str)):
            continue  # no summer time, or not text: the schema reports what is wrong
        try:
            ahead = offset_minutes(summer) - offset_minutes(standard)
        except ValueError:
            continue  # malformed: the schema reports it
        if ahead != 60:
            doc.add(
                ("clients", index, "summer_offset"),
                f"summer time is one hour ahead of standard time ({shown(standard)}), so "
                f"{shown(summer)} cannot be right: check both offsets",
            )
