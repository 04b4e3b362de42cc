"""``kintl-pub catalogs update|export|import|check|compile|stats|load``."""

from __future__ import annotations

from pathlib import Path

import click

from .. import checks, locales
from ..locales import TARGETS, LocaleInfo
from ..project import TRANSLATIONS_DIR, acting_user
from ..store.models import STATES


def register(cli: click.Group) -> None:
    cli.add_command(catalogs)


def _locale(value: str) -> LocaleInfo:
    """--lang: a URL code (pt-br) or catalog id (pt_BR), through the table."""
    from .po import match_language

    loc = match_language(value)
    if loc is None or loc not in TARGETS:
        known = ", ".join(t.code for t in TARGETS)
        raise click.BadParameter(f"{value!r} is not a target locale; known: {known}")
    return loc


_dir_option = click.option(
    "--dir", "translations_dir", type=click.Path(file_okay=False, path_type=Path),
    default=TRANSLATIONS_DIR, show_default=True, help="The translations folder.",
)


@click.group()
def catalogs() -> None:
    """Content catalogs (.po): the store's translations in exchange form."""


@catalogs.command("update")
@_dir_option
@click.option("--discard-file-edits", is_flag=True,
              help="Rewrite catalogs even if they hold hand edits the store does not have.")
def update_cmd(translations_dir: Path, discard_file_edits: bool) -> None:
    """Sync segments, mark outdated entries, rewrite content.pot and every content.po."""
    from ..store.db import init_db, transaction
    from .po import CatalogError
    from .update import update

    init_db()
    try:
        with transaction() as s:
            r = update(s, translations_dir, discard_file_edits=discard_file_edits)
    except CatalogError as exc:
        raise click.ClickException(f"{exc}\nNothing was changed.") from exc
    click.echo(
        f"{r.segments} segments, {r.entries} distinct source texts; {r.created} entries created, "
        f"{r.outdated} marked outdated, {r.restored} restored from the catalogs; "
        f"{len(r.written)} files written, {len(r.unchanged)} unchanged."
    )
    for p in r.written:
        click.echo(f"  wrote {p}")


@catalogs.command("export")
@click.option("--lang", "langs", multiple=True, help="URL code or catalog id; repeatable (default: all).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("catalog-export"), show_default=True)
@click.option("--initiative", "-i", "initiatives", multiple=True, metavar="N|A-B",
              help="Only the texts of these initiatives: 12, 1-35 or 3,5,7; repeatable (default: everything).")
@click.option("--first-use", is_flag=True,
              help="Only texts first used in these initiatives (a text shared with an earlier one "
                   "belongs to that one's translator).")
@click.option("--state", "states_", multiple=True, type=click.Choice([str(s) for s in STATES]),
              help="Only entries in this state in the locale, e.g. untranslated; repeatable.")
@click.option("--fields", "fields", multiple=True, metavar="prose|labels|FIELD",
              help="Only texts used in these fields (prose = content, plan, results, reason, future); repeatable.")
@click.option("--context/--no-context", default=True, show_default=True,
              help="Show each sentence's neighbours as #. before:/after: comments.")
@click.option("--force", is_flag=True, help="Overwrite a file that holds work the store does not have.")
def export_cmd(langs: tuple[str, ...], out_dir: Path, initiatives: tuple[str, ...], first_use: bool,
               states_: tuple[str, ...], fields: tuple[str, ...], context: bool, force: bool) -> None:
    """Write .po files for translators (open them in Poedit)."""
    from ..store.db import init_db, transaction
    from .export import Selection, expand_fields, export, parse_numbers
    from .po import CatalogError

    targets = [_locale(v) for v in langs] or list(TARGETS)
    try:
        numbers = parse_numbers(initiatives)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--initiative") from None
    try:
        wanted_fields = expand_fields(fields)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--fields") from None
    if first_use and not numbers:
        raise click.BadParameter("--first-use needs --initiative", param_hint="--first-use")
    sel = Selection(frozenset(numbers), first_use, frozenset(states_), wanted_fields)
    init_db()
    try:
        with transaction() as s:
            paths = export(s, out_dir, targets, selection=sel, context=context, force=force)
    except CatalogError as exc:
        raise click.ClickException(str(exc)) from exc
    for p in paths:
        click.echo(str(p))


@catalogs.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--as", "who", default=None,
              help="The account to credit: it must exist, be enabled and may translate the file's "
                   "locale (default: $KINTL_USER or OS user).")
@click.option("--lang", default=None,
              help="The locale the file is for (required unless the file sits in "
                   "translations/<id>/LC_MESSAGES/); its Language header must agree.")
@click.option("--dry-run", is_flag=True, help="Show what would change (a diff per entry); change nothing.")
@click.option("--verbose", "-v", is_flag=True, help="Also list unknown msgids and show the diff of every change.")
def import_cmd(file: Path, who: str | None, lang: str | None, dry_run: bool, verbose: bool) -> None:
    """Take a translator's .po back into the store (one transaction)."""
    from ..store.db import init_db, session_factory
    from .importer import import_po
    from .po import CatalogError

    expected = _locale(lang) if lang else None
    # A file inside translations/<id>/LC_MESSAGES/ is for that folder's locale.
    folder = locales.BY_BABEL_ID.get(file.parent.parent.name) if file.parent.name == "LC_MESSAGES" else None
    if expected is not None and folder is not None and folder != expected:
        raise click.ClickException(
            f"{file} lies in the {folder.babel_id} folder but --lang says {expected.babel_id}\nNothing was changed."
        )
    expected = expected or folder
    if expected is None:
        raise click.UsageError("say which locale the file is for: --lang CODE (e.g. --lang ko)")
    init_db()
    session = session_factory()()
    try:
        account = _account(session, acting_user(who))
        report = import_po(session, file.read_bytes(), who=account, name=str(file), expected=expected,
                           authorize=lambda loc: _may_write(session, account, loc), dry_run=dry_run)
        session.commit()
    except CatalogError as exc:
        session.rollback()
        raise click.ClickException(f"{exc}\nNothing was changed.") from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
    click.echo(("[dry run: nothing was changed] " if dry_run else "") + report.summary())
    for o in report.outcomes:
        if o.kind == "unknown" and not verbose:
            continue
        click.echo(f"  {o.kind:<10} {o.msgid[:50]}" + (f"  ({o.detail})" if o.detail else ""))
        if dry_run or verbose:
            for line in o.diff():
                click.echo(f"      {line}")
    if report.count("unknown") and not verbose:
        click.echo(f"  ({report.count('unknown')} unknown msgids skipped; -v lists them)")
    for msgid, findings in report.warnings:
        for f in findings:
            click.echo(f"  {'warning':<10} {msgid[:50]}  {f.flag} ({checks.get(f.check).name})")


def _account(session, name: str) -> str:
    """The account an import credits, as it is spelled in the store: it must
    exist and be enabled (``--as`` is not free text)."""
    from ..store.users import find
    from .po import CatalogError

    user = find(session, name)
    if user is None:
        raise CatalogError(f"--as {name!r}: no such account (kintl-pub users list; users add creates one)")
    if user.disabled:
        raise CatalogError(f"--as {name!r}: the account is disabled")
    return user.username


def _may_write(session, name: str, loc: LocaleInfo) -> bool:
    """The workspace's rules for ``--as``: refuse a locale the account may not
    translate; say whether it may approve (``# approved-by``)."""
    from ..store.users import PermissionDenied, may_review, require
    from .po import CatalogError

    try:
        user = require(session, name, loc.code)
    except PermissionDenied as exc:
        raise CatalogError(f"--as: {exc}") from exc
    return may_review(user, loc.code)


@catalogs.command("check")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", default=None, help="Refuse a file that is not for this locale.")
@click.option("--empty", is_flag=True, help="Also report entries that have no translation yet.")
@click.option("--only", "only", multiple=True, metavar="CHECK",
              help=f"Only these checks; repeatable ({', '.join(checks.BY_ID)}).")
def check_cmd(files: tuple[Path, ...], lang: str | None, empty: bool, only: tuple[str, ...]) -> None:
    """Run the quality checks on .po files before importing them (exit 1 on findings)."""
    from .check import check_po
    from .po import CatalogError

    expected = _locale(lang) if lang else None
    unknown = [c for c in only if c not in checks.BY_ID]
    if unknown:
        raise click.BadParameter(f"unknown check(s) {unknown}; known: {', '.join(checks.BY_ID)}",
                                 param_hint="--only")
    total = 0
    for path in files:
        try:
            found = check_po(path.read_bytes(), str(path), expected=expected, empty=empty, only=only)
        except CatalogError as exc:
            raise click.ClickException(str(exc)) from exc
        for msgid, flags in found.findings:
            click.echo(f"{path}: {msgid[:60]}")
            for flag in flags:
                check_id = flag.split(":", 1)[0]
                name = checks.BY_ID[check_id].name if check_id in checks.BY_ID else "no translation"
                click.echo(f"    {flag} ({name})")
        total += len(found.findings)
    click.echo(f"{total} entries with findings in {len(files)} file{'s' if len(files) != 1 else ''}")
    if total:
        raise SystemExit(1)


@catalogs.command("compile")
@_dir_option
def compile_cmd(translations_dir: Path) -> None:
    """Validate all catalogs and write .mo files (reviewed content only)."""
    from .compile import compile_catalogs
    from .po import CatalogError

    try:
        r = compile_catalogs(translations_dir)
    except CatalogError as exc:
        raise click.ClickException(str(exc)) from exc
    for mo, n in r.entries.items():
        click.echo(f"{mo}: {n} entries" + (" (written)" if mo in r.written else ""))
    click.echo(f"Checked {len(r.checked)} catalogs, {len(r.written)} .mo files written.")


@catalogs.command("stats")
def stats_cmd() -> None:
    """Per locale: source texts by state."""
    from ..store.db import init_db, transaction
    from .stats import counts, machine_only_prose, table

    init_db()
    with transaction() as s:
        click.echo(table(counts(s)))
        n = machine_only_prose(s, locales.EASY.code)
        click.echo(f"ja-easy: {n} prose texts hold only the rules' draft (no person has written them yet)")


@catalogs.command("load")
@_dir_option
def load_cmd(translations_dir: Path) -> None:
    """Restore the committed human translations into the store (fresh clone)."""
    from ..store.db import init_db, transaction
    from .importer import load_repo_catalogs
    from .po import CatalogError

    init_db()
    try:
        with transaction() as s:
            restored = load_repo_catalogs(s, translations_dir)
    except CatalogError as exc:
        raise click.ClickException(f"{exc}\nNothing was changed.") from exc
    click.echo(", ".join(f"{k}: {v}" for k, v in restored.items()) or "no segments in the store yet")
