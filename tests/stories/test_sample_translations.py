"""The demo newsroom shows translation groups: its Central Bank story in English and
Russian is one group, as the sample's ``translation_group`` keys say."""

from __future__ import annotations

from newsdesk.stories import articles
from newsdesk.stories.translation_groups import siblings


def test_the_demo_links_the_central_bank_story_in_english_and_russian(demo_db):
    english = articles.get_article("central-bank-revokes-caspian-trust-bank-licence")
    russian = articles.get_article("tsentrobank-otozval-litsenziyu-kaspiyskogo-trastovogo-banka")
    assert english.translation_group and english.translation_group == russian.translation_group
    assert [s.slug for s in siblings(english)] == [russian.slug]
