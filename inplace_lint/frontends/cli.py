"""The ``inplace-lint`` command: a thin shell over the runner.

Exit codes: 0 nothing found, 1 findings reported, 2 usage error, a file that
could not be checked (syntax error, undecodable, unreadable, too large), or an
internal error.
"""
from __future__ import annotations

import collections
import sys

import click

from .. import __version__
from ..config import Config, ConfigError, load_config
from ..rules import ALL_RULES, BY_CODE
from ..runner import check_paths
from . import formats


def _split_codes(values):
    out = []
    for v in values:
        out.extend(c.strip().upper() for c in v.split(",") if c.strip())
    return tuple(out)


def _format_choices():
    _load_extra_formats()
    return sorted(formats.FORMATTERS)


def _load_extra_formats():
    try:  # sarif/github live in their own module
        from . import reports  # noqa: F401
    except ImportError:
        pass


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="inplace-lint")
def main():
    """Find in-place tensor operations that break PyTorch autograd."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", default="text", type=click.Choice(_format_choices()), show_default=True,
              help="Output format.")
@click.option("--select", multiple=True, help="Rule codes or prefixes to enable (comma-separated).")
@click.option("--ignore", multiple=True, help="Rule codes or prefixes to disable (comma-separated).")
@click.option("--extend-select", multiple=True, help="Codes to enable in addition to the configured ones.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="pyproject.toml to read.")
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary, no progress.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option("--no-color", is_flag=True, help="Disable colored output (also NO_COLOR=1).")
@click.option("--fix", is_flag=True, help="Rewrite hazards into their out-of-place forms where safe.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that may change behaviour.")
@click.option("--confirm", is_flag=True, help="Replay each finding under torch autograd (needs torch).")
@click.option("--jobs", "-j", type=int, default=None, help="Worker processes (default: all cores).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option("--file-time-limit", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds one file may take (default 60; config key file-time-limit).")
def check(paths, fmt, select, ignore, extend_select, config_file, isolated, quiet, statistics, exit_zero, no_color,
          fix, diff, unsafe_fixes, confirm, jobs, no_cache, file_time_limit):
    """Check PATHS (files or folders; default: the current folder)."""
    paths = paths or (".",)
    try:
        config = Config() if isolated else load_config(paths, config_file)
    except ConfigError as e:
        click.echo(f"inplace-lint: error: {e}", err=True)
        sys.exit(2)
    if file_time_limit is not None:
        config.file_time_limit = file_time_limit
    if select:
        config.select = _split_codes(select)
    if extend_select:
        config.select = config.select + _split_codes(extend_select)
    if ignore:
        config.ignore = config.ignore + _split_codes(ignore)
    for code in config.select + config.ignore:
        if not any(r.code.startswith(code) for r in ALL_RULES):
            click.echo(f"inplace-lint: error: unknown rule code or prefix: {code}", err=True)
            sys.exit(2)

    progress = None
    if not quiet and fmt == "text" and sys.stderr.isatty():
        from .progress import Progress

        progress = Progress(sys.stderr)
    cache = None
    if not no_cache:
        from ..cache import Cache, cache_dir_for

        cache = Cache(cache_dir_for(config))
    results = list(check_paths(paths, config, jobs=jobs, progress=progress, cache=cache))
    if progress is not None:
        progress.close()

    if fix or diff:
        from .fix import apply_fixes

        changed = apply_fixes(results, write=fix and not diff, unsafe=unsafe_fixes, diff_stream=sys.stdout if diff
                              else None)
        if fix and not diff and not quiet:
            click.echo(f"Fixed {changed} file(s).", err=True)
    if confirm:
        try:
            from ..runtime.replay import confirm as replay_confirm
        except ImportError as e:
            click.echo(f"inplace-lint: error: --confirm needs torch (pip install 'inplace-lint[runtime]'): {e}",
                       err=True)
            sys.exit(2)
        replay_confirm([f for r in results for f in r.findings], jobs=jobs)

    color = formats.use_color(no_color, sys.stdout)
    out = formats.FORMATTERS[fmt](results, color=color)
    if out and not diff:  # with --diff stdout carries only the patch (pipe it to `git apply`)
        click.echo(out)
    notes = [r.problem for r in results if r.problem is not None and r.problem.kind == "note"]
    problems = [r.problem for r in results if r.problem is not None and r.problem.kind != "note"]
    if fmt != "text":
        for p in problems:
            click.echo(f"{p.path}:{p.line}:{p.column}: E902 {p.message}", err=True)
        for p in notes:
            click.echo(f"{p.path}:{p.line}:{p.column}: note: {p.message}", err=True)
    findings = [f for r in results for f in r.findings]
    if statistics:
        counts = collections.Counter((f.code, f.severity) for f in findings)
        stream_err = fmt != "text"
        for (code, sev), n in sorted(counts.items()):
            click.echo(f"{n:6d}  {code}  [{sev}] {BY_CODE[code].name}", err=stream_err)
    if not quiet:
        n_err = sum(f.severity == "error" for f in findings)
        n_warn = len(findings) - n_err
        n_files = len({f.path for f in findings})
        summary = (f"{n_err} error{'s' if n_err != 1 else ''}, {n_warn} warning{'s' if n_warn != 1 else ''} "
                   f"in {n_files} of {len(results)} file{'s' if len(results) != 1 else ''}")
        if problems:
            summary += f"; {len(problems)} file{'s' if len(problems) != 1 else ''} could not be checked"
        if notes:
            summary += f"; {len(notes)} file{'s' if len(notes) != 1 else ''} not fully analysed"
        click.echo(summary, err=fmt != "text" or diff)
    if problems:
        sys.exit(2)
    if findings and not exit_zero:
        sys.exit(1)
    sys.exit(0)


@main.command()
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="pyproject.toml to read.")
def clean(config_file):
    """Remove the result cache of the project in the current folder."""
    from ..cache import cache_dir_for, clean as remove_cache

    try:
        directory = cache_dir_for(load_config(["."], config_file))
        removed = remove_cache(directory)
    except (ConfigError, ValueError, OSError) as e:
        click.echo(f"inplace-lint: error: {e}", err=True)
        sys.exit(2)
    click.echo(f"Removed {directory}" if removed else f"No cache at {directory}", err=True)


@main.command()
@click.option("--format", "fmt", default="text", type=click.Choice(["text", "json"]))
def rules(fmt):
    """List every rule."""
    if fmt == "json":
        import json

        click.echo(json.dumps([{"code": r.code, "name": r.name, "summary": r.summary} for r in ALL_RULES], indent=2))
        return
    for r in ALL_RULES:
        click.echo(f"{r.code}  {r.name:36s} {r.summary}")


@main.command()
@click.argument("code")
def explain(code):
    """Print the documentation of rule CODE."""
    rule = BY_CODE.get(code.upper())
    if rule is None:
        click.echo(f"inplace-lint: error: unknown rule code: {code} (see `inplace-lint rules`)", err=True)
        sys.exit(2)
    click.echo(rule_page(rule))


def rule_page(rule):
    return f"# {rule.code}: {rule.name}\n\n{rule.summary}.\n\n{rule.doc}"


@main.command(context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False})
@click.argument("script", type=click.Path(exists=True, dir_okay=False))
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.option("--mode", type=click.Choice(["full", "lite"]), default="full", show_default=True)
@click.option("--action", type=click.Choice(["raise", "warn"]), default="raise", show_default=True)
def watch(script, args, mode, action):
    """Run SCRIPT under the autograd watcher (needs torch)."""
    try:
        from ..runtime.watch import run_script
    except ImportError as e:
        click.echo(f"inplace-lint: error: watch needs torch (pip install 'inplace-lint[runtime]'): {e}", err=True)
        sys.exit(2)
    sys.exit(run_script(script, list(args), mode=mode, action=action))


if __name__ == "__main__":  # pragma: no cover
    main()
