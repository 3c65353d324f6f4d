"""What ``timeline check`` runs and reports: rule choice, new articles, ignore markers and baselines.

These options decide *which* findings a run reports, never how they look,
so they live apart from the output formats. ``check`` asks a ``Scope`` to
load the run (rules chosen, new articles marked) and to narrow the
findings, in this order:

1. ``--select`` / ``--ignore``: rules left out are not run at all;
2. inline ignore markers silence the findings they name (``silenced``);
3. with ``--new`` or ``--changed-since``, findings that involve none of the
   new articles are left out (``outside_new``);
4. with ``--baseline``, findings the baseline accepts are left out
   (``baselined``).

Each count goes into the JSON ``summary`` and, when not zero, the table's
summary line, so a check that hides findings always says so.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from timeline.baseline import read_baseline, write_baseline
from timeline.changed_articles import changed_since, require_git
from timeline.cli.common import Run, load_run, rules_in_force
from timeline.corpus import NewArticles
from timeline.engine import ArticleChecks, finding_order
from timeline.errors import ConfigError
from timeline.fingerprints import CorpusNames, fingerprint
from timeline.ingest import discover
from timeline.models import Finding
from timeline.suppression import chosen_rules, marker_problems, markers_by_line, silenced, split_ids, unknown_rule

OPTIONS = (
    click.option("--select", "select", multiple=True, metavar="RULE[,RULE]", help="Run only these rules (repeatable; replaces [tool.timeline] select)."),
    click.option("--ignore", "ignore", multiple=True, metavar="RULE[,RULE]", help="Do not run these rules (repeatable; added to [tool.timeline] ignore)."),
    click.option("--new", "new", is_flag=True, help="PATHS are new articles: check them with the [tool.timeline] corpus, report only findings involving them."),
    click.option("--changed-since", "changed", metavar="GITREF", help="Report only findings involving articles new or changed since GITREF (git's merge base with HEAD)."),
    click.option("--baseline", "baseline", type=click.Path(path_type=Path, dir_okay=False), help="Report only findings not recorded in this baseline file."),
    click.option("--write-baseline", "write", type=click.Path(path_type=Path, dir_okay=False), help="Record the current findings in this baseline file, print nothing else, exit 0."),
)  # fmt: skip


def scope_options(function):
    """Add the scope options to a command and hand them to it as one ``scope`` argument."""

    @functools.wraps(function)
    def wrapper(*args, select, ignore, new, changed, baseline, write, **kwargs):
        scope = Scope(select=split_ids(select) or None, ignore=split_ids(ignore), new=new, changed=changed, baseline=baseline, write=write)
        return function(*args, scope=scope, **kwargs)

    for option in reversed(OPTIONS):
        wrapper = option(wrapper)
    return wrapper


class Scope:
    """The scope options of one ``check``; ``load`` also remembers the rule ids known and the baseline's fingerprints."""

    def __init__(self, select: list[str] | None, ignore: list[str], new: bool, changed: str | None, baseline: Path | None, write: Path | None):
        self.select, self.ignore, self.new, self.changed, self.baseline, self.write = select, ignore, new, changed, baseline, write
        self.known: list[str] = []
        self.accepted: frozenset[str] | None = None
        self.checks: ArticleChecks | None = None
        """The chosen article rules, run as the articles are read (``engine``); ``check`` runs the others."""

    def load(self, paths: tuple[Path, ...], rules: Path | None, stdin_filename: str | None = None, quiet: bool = False, claims_from: Path | None = None,
             count_unkeyed: bool = True) -> Run:  # fmt: skip
        """Check the options, then read the articles with the chosen rules and the new articles marked; figures without
        a key are counted and let go unless ``count_unkeyed`` is false (``--explain-keys`` lists them)."""
        self.check_usage(paths)
        if self.changed:
            require_git()
        settings, ruleset = rules_in_force(rules)
        self.known = [rule.id for rule in ruleset.rules]
        for rule_id in [*(self.select or ()), *self.ignore]:
            if problem := unknown_rule(rule_id, self.known):
                raise click.UsageError(problem)
        select = self.select if self.select is not None else self.checked(settings.select, "select")
        ignore = (self.checked(settings.ignore, "ignore") or []) + self.ignore
        if self.baseline:
            self.accepted = read_baseline(self.baseline)
        self.checks = ArticleChecks(chosen_rules(ruleset, select, ignore), also_kept=("figure",), count_unkeyed=count_unkeyed)  # the summary counts figures
        reading = {"stdin_filename": stdin_filename, "quiet": quiet, "claims_from": claims_from, "checks": self.checks}
        run = load_run((), rules, extra=paths, **reading) if self.new else load_run(paths, rules, **reading)
        run.ruleset = chosen_rules(run.ruleset, select, ignore)
        if self.new or self.changed:
            fresh = {path.resolve() for path in discover(list(paths)).files} if self.new else changed_since(self.changed, run.roots)
            marked = frozenset(article.path for article in run.corpus.articles if Path(article.path).resolve() in fresh)
            run.corpus = replace(run.corpus, new=NewArticles(paths=marked, required_front_matter=tuple(settings.required_front_matter)))
        return run

    def check_usage(self, paths: tuple[Path, ...]) -> None:
        """Options that cannot go together are a usage error before anything is read."""
        if self.new and self.changed:
            raise click.UsageError("--new and --changed-since cannot be used together")
        if self.new and not paths:
            raise click.UsageError("--new needs the new articles as PATHS")
        if self.write and (self.baseline or self.new or self.changed):
            raise click.UsageError("--write-baseline records every finding; it cannot be used with --baseline, --new or --changed-since")

    def checked(self, ids: list[str] | None, key: str) -> list[str] | None:
        """Rule ids from [tool.timeline], each known, else a ConfigError naming the setting."""
        for rule_id in ids or ():
            if problem := unknown_rule(rule_id, self.known):
                raise ConfigError(f"[tool.timeline] {key}: {problem}")
        return list(ids) if ids is not None else None

    def narrow(self, run: Run, findings: list[Finding]) -> tuple[list[Finding], dict[str, Any]]:
        """The findings to report, and the summary's counts of those left out (steps 2-4 above)."""
        for problem in marker_problems(run.corpus.articles, self.known):
            click.echo(f"timeline: warning: {problem}", err=True)
        markers = markers_by_line(run.corpus.articles)
        shown = [finding for finding in findings if not silenced(finding, markers)]
        counts: dict[str, Any] = {"silenced": len(findings) - len(shown), "new_articles": None, "outside_new": 0, "baselined": 0}
        if run.corpus.new is not None:
            before, new = len(shown), run.corpus.new.paths
            shown = sorted((anchored_in(finding, new) for finding in shown if involves(finding, new)), key=finding_order)
            counts.update(new_articles=len(new), outside_new=before - len(shown))
        if self.accepted is not None:
            before, name = len(shown), CorpusNames(run.roots)
            shown = [finding for finding in shown if fingerprint(finding, name) not in self.accepted]
            counts["baselined"] = before - len(shown)
        return shown, counts

    def record(self, run: Run, findings: list[Finding]) -> int:
        """Write the baseline of ``findings``; refuse when an article could not be read (the baseline would be incomplete)."""
        if run.errors:
            raise ConfigError("baseline not written: some articles could not be read (see above)", str(self.write))
        write_baseline(self.write, findings, CorpusNames(run.roots))
        click.echo(f"timeline: baseline of {len(findings)} finding{'' if len(findings) == 1 else 's'} written to {self.write}", err=True)
        return 0


def involves(finding: Finding, paths: frozenset[str]) -> bool:
    """True when the finding's anchor or one of its statements is in one of ``paths``."""
    return finding.location.path in paths or any(claim.provenance.path in paths for claim in finding.claims)


def anchored_in(finding: Finding, paths: frozenset[str]) -> Finding:
    """The finding anchored at its first statement in a new article, where a reviewer of the change looks.

    GitHub shows an annotation in a pull request's diff only on a file the
    pull request changed; anchored at an older article's statement, the
    finding about a new one would be out of sight.
    """
    if finding.location.path in paths:
        return finding
    claim = next(claim for claim in finding.claims if claim.provenance.path in paths)
    return finding.model_copy(update={"location": claim.provenance})


def scope_note(summary: dict[str, Any]) -> str:
    """The table summary's account of findings left out, empty when none were and no article was checked as new."""
    plural = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"  # noqa: E731
    notes = []
    if summary.get("new_articles") is not None:
        notes.append(f"{plural(summary['new_articles'], 'new article')}, {plural(summary['outside_new'], 'finding')} about other articles not shown")
    if summary.get("silenced"):
        notes.append(f"{plural(summary['silenced'], 'finding')} silenced by ignore markers")
    if summary.get("baselined"):
        notes.append(f"{plural(summary['baselined'], 'finding')} in the baseline not shown")
    return "".join(f"; {note}" for note in notes)

