"""The site's own words in one language, from data/labels.yml: the one home of every word the
hooks and templates show (data block labels, banners, the 404 page, the status table)."""

from __future__ import annotations

from lib.data import DataError, GuideData


class Words(dict[str, str]):
    """The labels of one language; a key that is not there fails the build, naming the fix."""

    def __missing__(self, key: str) -> str:
        raise DataError(
            f"overrides/: the label {key!r} is not in data/labels.yml: add it "
            "there and to data/schema/labels.schema.json"
        )

    def fill(self, key: str, **values: str) -> str:
        """A label with its {name} placeholders filled in."""
        text = self[key]
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return text


def words_for(data: GuideData, language: str) -> Words:
    """Every label in `language` (each one exists in every built language: the schema says so)."""
    return Words({key: text[language] for key, text in data.labels.labels.items()})
