"""The reader tools' blocks: the calculator, the portal finder and the self-check.

Each is a data block like the others (registered in lib/blocks.py, printed by
overrides/guide/NAME.html): a page shows a useful static version built here, at build time,
and the tool's script (overrides/assets/javascripts/guide-NAME.js, loaded only on pages with
the block) makes it interactive. The script reads the same checked records, embedded in the
block as `<script type="application/json">` (data, which the CSP does not run), with the
words and formats of the page's language that it needs.

The calculator's arithmetic is lib/earnings.py here and the same code in the script; the lines
of its worked examples are described here the way the script describes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from markupsafe import Markup

from lib.blocks import Localizer, View, portals_view
from lib.data import to_jsonable
from lib.formats import (
    CURRENCY_SIGNS,
    NATIVE_DIGITS,
    format_number,
)

FREE_TRAINING = "free-training.md"  # offered with every skill the self-check finds missing
# The reader's own country first: Bangladesh on Bengali pages, India on the others.
HOME_COUNTRY = {"bn": "bangladesh"}
# The labels.yml keys each script reads (the templates print the others): a reader downloads
# only these, by prefix.
CALCULATOR_WORDS = (
    "calc_amount",
    "calc_ask",
    "calc_below_minimum",
    "calc_chart_",
    "calc_converted",
    "calc_count_",
    "calc_gross_",
    "calc_in_hand",
    "calc_invalid",
    "calc_left",
    "calc_minimum",
    "calc_no_route",
    "calc_not_counted",
    "calc_other_figure",
    "calc_per_",
    "calc_result",
    "calc_sent",
    "calc_step",
    "calc_unreachable",
    "calc_want",
    "chart_payout_legend",
    "chart_payout_paid",
)
FINDER_WORDS = "finder_"
CHECK_WORDS = "check_"
SHARED_WORDS = (
    "undated",
    "unconfirmed",
    "since",
    "unit_hour",
    "unit_month",
    "sources",
    "source_weak",
)


# --------------------------------------------------------------------------------------------
# Shared


def in_language(value: Any, languages: Sequence[str], keep: Iterable[str]) -> Any:
    """JSON records with each localized text cut down to the languages in `keep`: a reader
    downloads only the page's language (and English, which the records' cross-references use)."""
    keep = set(keep)
    if isinstance(value, Mapping):
        if (
            value
            and set(value) <= set(languages)
            and all(isinstance(v, str) for v in value.values())
        ):
            return {lang: text for lang, text in value.items() if lang in keep}
        return {key: in_language(item, languages, keep) for key, item in value.items()}
    if isinstance(value, list):
        return [in_language(item, languages, keep) for item in value]
    return value


def script_data(value: Any) -> Markup:
    """JSON for a `<script type="application/json">` block: `<`, `>` and `&` escaped, so no
    text in the data can close the element; the browser does not run it (CSP: data only)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # escaped above for the one place it is printed: a JSON data block


def words_with(
    local: Localizer, prefix: str | tuple[str, ...], extra: Iterable[str] = SHARED_WORDS
) -> dict[str, str]:
    return {
        key: text for key, text in local.words.items() if key.startswith(prefix) or key in extra
    }


def formats(local: Localizer) -> dict[str, Any]:
    """How the script writes numbers: the same tables as lib/formats.py."""
    return {
        "lang": local.language,
        "signs": CURRENCY_SIGNS.get(local.language, CURRENCY_SIGNS["en"]),
        "digits": NATIVE_DIGITS.get(local.language, ""),
    }


# --------------------------------------------------------------------------------------------
# The portal finder


def finder_view(local: Localizer) -> View:
    fees = local.data.fees
    cards = portals_view(local)
    kinds = list(dict.fromkeys(p.kind for p in local.data.portals.portals))
    on_portals = {p.id for p in fees.platforms if p.portal}
    route_kinds = list(
        dict.fromkeys(r.kind for r in fees.routes if on_portals.intersection(r.platforms))
    )
    data = {
        **formats(local),
        "words": words_with(local, FINDER_WORDS),
        **in_language(
            {"portals": to_jsonable(local.data.portals), "fees": to_jsonable(fees)},
            local.data.languages,
            {local.language},
        ),
    }
    context = {
        **cards.context,
        "countries": [{"code": c.code, "name": local.text(c.name)} for c in fees.countries],
        "routes": [{"id": kind, "name": local.words[f"route_{kind}"]} for kind in route_kinds],
        "fees": [{"id": model, "name": local.words[f"finder_fee_{model}"]} for model in FEE_MODELS],
        "kinds": [{"id": kind, "name": local.words[f"kind_{kind}"]} for kind in kinds],
        "count": local.words.fill(
            "finder_count",
            count=format_number(len(cards.record_ids), local.language),
            total=format_number(len(cards.record_ids), local.language),
        ),
        "data": script_data(data),
    }
    return View(context, cards.record_ids)


FEE_MODELS = ("percent", "tiered", "free", "unconfirmed")


# --------------------------------------------------------------------------------------------
# The self-check


def check_view(local: Localizer) -> View:
    skills = local.data.skills
    items = {item.id: item for item in skills.checklist}

    def learn(item_id: str) -> list[dict[str, str]]:
        pages = list(items[item_id].learn)
        if FREE_TRAINING not in pages:
            pages.append(FREE_TRAINING)
        return [dict(zip(("url", "title"), local.page(name), strict=True)) for name in pages]

    categories = [
        {
            "id": category.id,
            "name": local.text(category.name),
            "url": local.page("work-categories.md")[0] + f"#guide-{category.id}",
            "skills": [
                {"id": item.id, "name": local.text(item.name), "learn": learn(item.id)}
                for item in skills.checklist_for(category)
            ],
        }
        for category in skills.categories
    ]
    data = {
        **formats(local),
        "words": words_with(local, CHECK_WORDS),
        "skills": in_language(
            {
                "categories": to_jsonable(skills.categories),
                "checklist": to_jsonable(skills.checklist),
            },
            local.data.languages,
            {"en", local.language},
        ),
    }
    context = {
        "checklist": [{"id": i.id, "name": local.text(i.name)} for i in skills.checklist],
        "categories": categories,
        "data": script_data(data),
    }
    return View(context, [c.id for c in skills.categories] + list(items))
