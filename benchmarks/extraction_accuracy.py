"""Extraction accuracy of the importer on the test pages in tests/importer/pages/.

Prints, per field, how many pages came out right: critic, date, rating, body start, body end,
chrome left in the body, and comment count. Run: python benchmarks/extraction_accuracy.py
"""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path

from nlmg_tui.importer.pipeline import extract

TESTS = Path(__file__).resolve().parents[1] / "tests" / "importer"
PAGES = TESTS / "pages"
SETS = {"development pages": TESTS / "pages", "held-out pages": TESTS / "unseen"}
FIELDS = ("critic", "date", "rating", "body start", "body end", "no chrome", "comments")


def score_page(name: str, expected: dict, folder: Path = PAGES) -> dict[str, bool]:
    review = extract((folder / name).read_bytes(), name).review
    body = "\n".join(p.text for p in review.paragraphs)
    rating = review.rating.value if review.rating else None
    return {
        "critic": review.critic == expected["critic"],
        "date": review.published == expected["published"],
        "rating": (rating is None and expected["rating"] is None)
        or (rating is not None and expected["rating"] is not None
            and abs(rating - expected["rating"]) < 0.001),
        "body start": bool(review.paragraphs) and review.paragraphs[0].text.startswith(expected["first"]),
        "body end": bool(review.paragraphs) and review.paragraphs[-1].text.startswith(expected["last"]),
        "no chrome": not any(chrome in body for chrome in expected["chrome"]),
        "comments": len(review.comments) == expected["comments"],
    }


def main() -> int:
    print(f"python {platform.python_version()} on {platform.platform()}")
    perfect = True
    for title, folder in SETS.items():
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        results = {name: score_page(name, want, folder) for name, want in sorted(expected.items())}
        print(f"\n{title}: {len(results)} pages")
        for field in FIELDS:
            right = sum(r[field] for r in results.values())
            wrong = [n for n, r in results.items() if not r[field]]
            print(f"  {field:<11} {right}/{len(results)}" + (f"  wrong: {', '.join(wrong)}" if wrong else ""))
        perfect = perfect and all(all(r.values()) for r in results.values())
    return 0 if perfect else 1


if __name__ == "__main__":
    sys.exit(main())
