"""The fixture site of the search tests: pages whose words are spelled in every way a reader
might type them; how to read a built index; cases Python and the worker must agree on."""

from __future__ import annotations

import json
from pathlib import Path

LANGUAGES = {"en": "", "hi": "hi/", "bn": "bn/"}


def search_folder(site: Path, language: str) -> Path:
    return site / LANGUAGES[language] / "search"


def load_entry(site: Path, language: str) -> dict:
    path = search_folder(site, language) / f"index.{language}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def site_vocabulary(site: Path, language: str) -> dict[str, dict]:
    """word -> {"pages": posting string, and the shard's stem/forms/written for it}"""
    from lib.search_text import decode_words

    folder, out = search_folder(site, language), {}
    for _, name in load_entry(site, language)["words"]:
        shard = json.loads((folder / name).read_text(encoding="utf-8"))
        for i, word in enumerate(decode_words(shard["words"])):
            out[word] = {"pages": shard["pages"][i]} | {
                key: shard[key][str(i)]
                for key in ("stem", "forms", "written")
                if str(i) in shard.get(key, {})
            }
    return out


# Spellings on purpose: the sources mix precomposed nukta letters (क़ U+0958, ढ़ U+095D, ড় U+09DC,
# ঢ় U+09DD, য় U+09DF) with base + nukta, and use ZWJ and ZWNJ; hooks/page_sources.py makes every
# page NFC, and search must find each word whichever way it is typed.
PAGES = {
    "docs/index.md": "# Home\n\nA guide for every freelancer. Clients pay by bank transfer.\n",
    "docs/getting-paid.md": (
        "# Getting paid\n\nPayment methods for a freelancer.\n\n"
        "## Invoices\n\nSend an invoice after the work.\n"
    ),
    "docs/rates.md": "# Rates\n\nCharge an hourly rate.\n",
    "hi/index.md": (
        "# होम\n\nफ्रीलांसर के लिए गाइड। क्लाइंट बैंक से पेमेंट करते हैं॥ "
        "\u092a\u095d\u093e\u0908 \u091c\u093c\u0930\u0942\u0930\u0940 है।\n"  # पढ़ाई ज़रूरी
    ),
    "hi/getting-paid.md": (
        "# पेमेंट पाना\n\n\u0958ानूनी सलाह लें — “इनवॉइस” भेजें।\n\n"  # क़ानूनी
        "## इनवॉइस कैसे भेजें\n\nहर (महीने) इनवॉइस भेजें।\n"
    ),
    "hi/rates.md": "# दरें\n\nप्रति घंटा या तय क\u093cीमत। \u092c\u095c\u093e काम।\n",  # क़ीमत बड़ा
    "bn/index.md": "# হোম\n\nফ্রিল্যান্সার গাইড। ক্লা\u09dfেন্ট পেমেন্ট দেন।\n",  # য় U+09DF
    "bn/getting-paid.md": (
        "# পেমেন্ট পাওয়া\n\n"
        "র\u200d্যাংক ভালো হলে ক্লা\u09af\u09bcেন্ট বেশি আসে। ই\u200cমেইল পাঠান। "  # ZWJ, য + ়, ZWNJ
        "ব\u09dc কাজ, আষা\u09dd মাস। ১২০০ টাকা।\n\n"  # ড় U+09DC, ঢ় U+09DD
        "## ইনভয়েস পাঠানো\n\nপ্রতি মাসে ইনভয়েস পাঠান।\n"
    ),
    # bn/rates.md is missing on purpose: the English page is served at /bn/rates/.
}

NAV = """\
  - index.md
  - Money and paperwork:
      - getting-paid.md
  - rates.md
"""

# How readers type words of the guide in Latin letters (issue 16): (typed, the word it must find)
ROMANIZED = {
    "hi": [
        ("paisa", "पैसा"),
        ("pesa", "पैसा"),
        ("paise", "पैसे"),
        ("kamai", "कमाई"),
        ("kamaai", "कमाई"),
        ("naukri", "नौकरी"),
        ("naukari", "नौकरी"),
        ("nokri", "नौकरी"),
        ("dhokha", "धोखा"),
        ("dokha", "धोखा"),
        ("kaise", "कैसे"),
        ("bane", "बने"),
        ("banen", "बनें"),
        ("kaushal", "कौशल"),
        ("grahak", "ग्राहक"),
        ("kagzat", "कागज़ात"),
        ("kagjat", "कागजात"),
        ("zaruri", "ज़रूरी"),
        ("jaruri", "ज़रूरी"),
        ("hain", "हैं"),
        ("kahta", "कहता"),
        ("padhai", "पढ़ाई"),
        ("bhugtan", "भुगतान"),
    ],
    "bn": [
        ("taka", "টাকা"),
        ("kaj", "কাজ"),
        ("kivabe", "কীভাবে"),
        ("kibhabe", "কিভাবে"),
        ("kibabe", "কীভাবে"),
        ("kotha", "কথা"),
        ("katha", "কথা"),
        ("kothay", "কোথায়"),
        ("kothai", "কোথায়"),
        ("uparjon", "উপার্জন"),
        ("uparjan", "উপার্জন"),
        ("bangla", "বাংলা"),
        ("khujun", "খুঁজুন"),
        ("shuru", "শুরু"),
        ("suru", "শুরু"),
        ("khetre", "ক্ষেত্রে"),
        ("hoy", "হয়"),
        ("hoi", "হয়"),
        ("boro", "বড়"),
        ("rojgar", "রোজগার"),
        ("kaje", "কাজে"),
        ("amar", "আমার"),
        ("bhalo", "ভালো"),
    ],
}
# Words that must keep apart (a real ো is no inherent vowel; aspirate h is no h after a vowel)
APART = [("bn", "kaj", "খোঁজ"), ("hi", "kahta", "खाता"), ("hi", "naukri", "नकल")]

# Query words the worker takes endings off, and the stems it then looks up (Python and the
# worker must agree: tests/test_browser_search.py runs these in the browser)
STEMS = [
    ("hi", "क्लाइंटों", ["क्लाइंटा", "क्लाइंट"]),  # -ā nouns first: पैसों is पैसा
    ("hi", "पैसों", ["पैसा", "पैस"]),
    ("hi", "कंपनियों", ["कंपनी", "कंपनि", "कंपनिया", "कंपनिय"]),
    ("hi", "भाषाओं", ["भाषा"]),
    ("hi", "टूल्स", ["टूल"]),
    ("hi", "पैसे", ["पैसा"]),
    ("hi", "कमाई", []),  # no ending of the list: कमाई is never कम
    ("hi", "के", []),  # too short a stem
    ("bn", "ক্লায়েন্টদের", ["ক্লায়েন্ট", "ক্লায়েন্টদ"]),
    ("bn", "ক্লায়েন্টের", ["ক্লায়েন্ট"]),
    ("bn", "টাকার", ["টাকা"]),
    ("bn", "টাকায়", ["টাকা"]),
    ("bn", "কাজগুলো", ["কাজ"]),
    ("bn", "ভারতে", ["ভারত"]),  # not ভার + তে: তে follows a vowel
    ("bn", "করের", []),  # কর is too short, করে never a stem
    ("bn", "পারে", []),  # পার "across" is not পারে "can"
    ("en", "clients", []),
]
