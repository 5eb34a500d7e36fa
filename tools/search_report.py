"""How loose search is, measured on the whole vocabulary of each language (issue 16).

    python -m tools.search_report               # builds the site, then reports
    python -m tools.search_report --site site   # a site built already
    python -m tools.search_report -v            # and every shared key and every word form

For Hindi and Bengali, from the vocabulary of the built index (every word of every page):

- phonetic keys (hooks/lib/search_keys.py): how many words have one, how many distinct keys,
  how many keys more than one word shares, and how many of those join unrelated words: words
  that are not of one family (their stems, search_forms, do not begin with the same two
  letters), e.g. बड़ा "big" and बाद "after" (both bd). The false hits are the words outside the
  largest family of their key: what a romanized query can bring besides what it means. A query
  finds every word of its key, ranked below native and synonym matches; short keys (under
  search_keys.PREFIX_KEY letters) never match longer ones.
- word forms (hooks/lib/search_forms.py): how many words are joined to a stem, how many stems.
- the romanized queries of issue 16 and the words each one finds.

Exits 1 when the false hits are more than MAX_UNRELATED of the words with a key.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / "hooks"
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))

from lib.search_forms import group_forms  # noqa: E402
from lib.search_keys import PREFIX_KEY, query_key, word_keys  # noqa: E402
from lib.search_text import decode_words  # noqa: E402

LANGUAGES = ("hi", "bn")
MAX_UNRELATED = 0.1  # false hits: share of the keyed words outside their key's largest family
QUERIES = {
    "hi": ["paisa", "kamai", "naukri", "dhokha", "kaise", "bane", "kaushal", "grahak", "kagzat"],
    "bn": ["taka", "kaj", "kivabe", "kibhabe", "uparjon", "kotha", "shuru", "bangla"],
}


def families(words: list[str], stems: dict[str, str]) -> list[list[str]]:
    """`words` grouped into families, largest first: words are of one family when their stems
    (search_forms) begin with the same two letters, vowel signs aside (बनना, बनाइए, बने; not
    बड़ा and बाद)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for word in words:
        letters = [c for c in stems.get(word, word) if unicodedata.category(c)[0] in "LN"]
        groups["".join(letters[:2])].append(word)
    return sorted(groups.values(), key=lambda group: (-len(group), group))


def vocabulary(site: Path, language: str) -> list[str]:
    folder = site / language / "search"
    entry = json.loads((folder / f"index.{language}.json").read_text(encoding="utf-8"))
    words: list[str] = []
    for _, name in entry["words"]:
        shard = json.loads((folder / name).read_text(encoding="utf-8"))
        words += decode_words(shard["words"])
    return words


def report(words: list[str], language: str, verbose: bool) -> float:
    stems = group_forms(words, language)
    by_key: dict[str, list[str]] = defaultdict(list)
    for word in words:
        for key in word_keys(word, language):
            by_key[key].append(word)
    keyed = {word for group in by_key.values() for word in group}
    shared = {key: group for key, group in by_key.items() if len(group) > 1}
    unrelated = {key: families(group, stems) for key, group in shared.items()}
    unrelated = {key: group for key, group in unrelated.items() if len(group) > 1}
    # a query that means the key's largest family also finds the others: those are false hits
    false_words = {word for group in unrelated.values() for family in group[1:] for word in family}
    sizes = Counter(min(len(group), 5) for group in by_key.values())
    share = len(false_words) / len(keyed) if keyed else 0.0
    print(f"== {language}: {len(words)} words in the index, {len(keyed)} with a phonetic key")
    print(
        f"   {len(by_key)} keys; words per key: "
        + ", ".join(f"{n}{'+' if n == 5 else ''}: {sizes[n]}" for n in sorted(sizes))
    )
    print(
        f"   {len(shared)} keys shared by {len({w for g in shared.values() for w in g})} words; "
        f"{len(unrelated)} of them join unrelated words; false hits (words outside a key's "
        f"largest family): {len(false_words)}, {share:.1%} of the keyed words "
        f"(limit {MAX_UNRELATED:.0%})"
    )
    print(
        f"   word forms: {len(stems)} words joined to {len(set(stems.values()))} stems; "
        f"keys under {PREFIX_KEY} letters match exactly"
    )
    largest = sorted(unrelated.items(), key=lambda item: (-len(item[1]), item[0]))
    for key, group in largest if verbose else largest[:5]:
        print(f"     {key:<10} " + " | ".join(" ".join(family) for family in group))
    if verbose:
        for form, stem in sorted(stems.items()):
            print(f"     form {form} -> {stem}")
    for query in QUERIES[language]:
        key = query_key(query, language)
        found = by_key.get(key, [])
        print(f"   {query!r} -> key {key!r}: {' '.join(found) or 'nothing'}")
    return share


def build(site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        raise SystemExit("search_report: the site does not build:\n" + result.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build one)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every shared key")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site or Path(scratch) / "site"
        if not args.site:
            build(site)
        shares = [report(vocabulary(site, lang), lang, args.verbose) for lang in LANGUAGES]
    return 0 if max(shares) <= MAX_UNRELATED else 1


if __name__ == "__main__":
    sys.exit(main())
