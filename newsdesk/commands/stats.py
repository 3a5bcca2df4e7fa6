"""``newsdesk stats``: the Dashboard's figures, as tables for people or JSON for scripts."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from newsdesk.commands.common import add_database_options, database_for, print_json, print_table
from newsdesk.stats import dashboard
from newsdesk.store.models import REVIEW_STATUSES
from newsdesk.store.timestamps import local_time


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "stats", help="desk and moderation figures (the Dashboard's)",
        description="Stories per status; stories published, reviews received and decided per "
                    "day over the last 30 days (days of this computer's clock); the review "
                    "queue; decisions per moderator and flags over those 30 days; the people, "
                    "organisations and places tagged on the most stories updated in the last "
                    "7 days.")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_database_options(parser)
    parser.set_defaults(handler=run_stats)


def run_stats(args: argparse.Namespace) -> int:
    with database_for(args):
        figures = dashboard.compute()
    if args.json:
        print_json(figures.as_dict())
    else:
        print_figures(figures)
    return 0


def _section(title: str, headers: list[str], rows: Sequence[list[object]]) -> None:
    print(f"\n{title}")
    if rows:
        print_table(headers, [[str(cell) for cell in row] for row in rows])
    else:
        print("(none)")


def _queue_rows(figures: dashboard.Dashboard) -> list[list[object]]:
    age = figures.oldest_pending_age
    median = figures.median_wait_seconds
    oldest = "-"
    if figures.oldest_pending is not None and age is not None:
        oldest = (f"{local_time(figures.oldest_pending):%Y-%m-%d %H:%M %Z}, "
                  f"{dashboard.duration_text(age.total_seconds())} ago")
    return [["pending", f"{figures.pending:,}"], ["flagged", f"{figures.flagged:,}"],
            ["oldest pending", oldest],
            ["median time to a decision",
             dashboard.duration_text(median) if median is not None else "-"]]


def print_figures(figures: dashboard.Dashboard) -> None:
    period = figures.period
    languages = figures.languages
    print("STORIES NOW")
    print_table(["STATUS", "STORIES"],
                [[status, f"{count:,}"] for status, count in figures.stories_by_status.items()])
    _section(f"PER DAY, {period.day_list[0]:%Y-%m-%d} TO {period.today:%Y-%m-%d}",
             ["DAY", "PUBLISHED", *(f"PUBLISHED {lang.upper()}" for lang in languages),
              "REVIEWS RECEIVED", "REVIEWS DECIDED"],
             [[f"{stories.day:%Y-%m-%d}", stories.total,
               *(stories.by_language.get(lang, 0) for lang in languages),
               reviews.received, reviews.decided]
              for stories, reviews in zip(figures.published_per_day, figures.reviews_per_day,
                                          strict=True)])
    _section("REVIEW QUEUE", ["FIGURE", "VALUE"], _queue_rows(figures))
    _section(f"DECISIONS PER MODERATOR, LAST {period.days} DAYS",
             ["MODERATOR", "APPROVED", "REJECTED", "SPAM", "TOTAL"],
             [[m.label, m.by_kind["approved"], m.by_kind["rejected"], m.by_kind["spam"],
               m.total] for m in figures.decisions])
    _section(f"FLAGS ON REVIEWS RECEIVED IN THE LAST {period.days} DAYS, BY STATUS NOW",
             ["FLAG", *(status.upper() for status in REVIEW_STATUSES), "TOTAL"],
             [[f.label, *(f.by_status[status] for status in REVIEW_STATUSES), f.total]
              for f in figures.flags])
    _section(f"MOST TAGGED, STORIES UPDATED IN THE LAST {period.week_days} DAYS",
             ["KIND", "NAME", "STORIES"],
             [[e.kind, e.name, e.stories] for e in figures.most_tagged])
