"""The ``inplace-lint`` command: a thin shell over the runner.

Exit codes: 0 nothing found, 1 findings reported (``--fail-on error``: errors
only), 2 usage or configuration error, a file that could not be checked
(syntax error, undecodable, unreadable, too large), or an internal error.
``--exit-zero`` makes the last two 0 (problems are still printed).
"""
from __future__ import annotations

import collections
import os
import sys

import click

from .. import __version__, grouping
from ..config import ConfigError, Overrides, Resolver, load_config
from ..rules import ALL_RULES, BY_CODE
from ..runner import FileResult, check_paths, check_source, discover
from ..sources import read_stdin
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
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="pyproject.toml to use for every file (default: each file's nearest one).")
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option("--force-exclude/--no-force-exclude", default=None,
              help="Apply the excludes (and .gitignore) to files named on the command line too.")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="Skip files that git ignores (default: on).")
@click.option("--stdin-filename", type=click.Path(), default=None,
              help="Check stdin as if it were this file (its config, per-file-ignores, excludes).")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary, no progress.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule.")
@click.option("--show-source", is_flag=True, help="Show the flagged line with a caret under the span.")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False), default=None,
              help="Write the report to FILE instead of stdout.")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="warning", show_default=True,
              help="Lowest severity that makes the exit status 1 (error: warnings are shown but pass).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported or a file could not be "
              "checked.")
@click.option("--no-color", is_flag=True, help="Disable colored output (also NO_COLOR=1).")
@click.option("--fix", is_flag=True, help="Rewrite hazards into their out-of-place forms where safe.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that may change behaviour.")
@click.option("--add-noqa", is_flag=True, help="Add `# noqa: IPLxxx` to every line with a finding.")
@click.option("--confirm", is_flag=True, help="Replay each finding under torch autograd (needs torch).")
@click.option("--confirm-timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds per file for --confirm, counted after its imports (default 20; config confirm-timeout).")
@click.option("--confirm-unsandboxed", is_flag=True,
              help="Let --confirm run where its sandbox cannot be set up (it runs your code).")
@click.option("--jobs", "-j", type=int, default=None, help="Worker processes (default: all cores).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option("--file-time-limit", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds one file may take (default 60; config key file-time-limit).")
@click.option("--no-group", is_flag=True, help="One finding per statement, even when several share a root cause "
              "(config group-findings = false).")
def check(paths, fmt, select, ignore, extend_select, config_file, isolated, force_exclude, respect_gitignore,
          stdin_filename, quiet, statistics, show_source, output_file, fail_on, exit_zero, no_color, fix, diff,
          unsafe_fixes, add_noqa, confirm, confirm_timeout, confirm_unsandboxed, jobs, no_cache, file_time_limit,
          no_group):
    """Check PATHS (files or folders; default: the current folder; `-` reads stdin)."""
    use_stdin = paths == ("-",) or (stdin_filename is not None and not paths)
    if "-" in paths and not use_stdin:
        _usage("`-` (stdin) cannot be mixed with other paths")
    if use_stdin and add_noqa:
        _usage("--add-noqa needs files, not stdin")
    paths = paths or (".",)
    overrides = Overrides(select=_split_codes(select) if select else None, extend_select=_split_codes(extend_select),
                          ignore=_split_codes(ignore), force_exclude=force_exclude,
                          respect_gitignore=respect_gitignore, file_time_limit=file_time_limit,
                          group_findings=False if no_group else None)
    for code in (overrides.select or ()) + overrides.extend_select + overrides.ignore:
        if not any(r.code.startswith(code) for r in ALL_RULES):
            _usage(f"unknown rule code or prefix: {code}")
    try:
        resolver = Resolver(config_file=config_file, isolated=isolated, overrides=overrides)
        if use_stdin:
            results = _check_stdin(resolver, stdin_filename, echo_excluded=fix and not diff)
            if not results:
                sys.exit(0)  # an excluded stdin file: nothing to say (with --fix its text went back out)
        else:
            results = _check_files(paths, resolver, quiet, fmt, jobs, no_cache)
    except ConfigError as e:
        _usage(str(e))
    if not results and not use_stdin:
        click.echo("inplace-lint: warning: no Python files found", err=True)
    out_stream = sys.stdout
    if output_file is not None:
        try:
            out_stream = open(output_file, "w", encoding="utf-8")
        except OSError as e:
            _usage(f"cannot write --output-file {output_file}: {e.strerror or e}")
    try:
        code = _report(results, out_stream, fmt=fmt, statistics=statistics, quiet=quiet, fail_on=fail_on,
                       exit_zero=exit_zero, no_color=no_color or output_file is not None, fix=fix, diff=diff,
                       unsafe_fixes=unsafe_fixes, add_noqa=add_noqa, confirm=confirm, jobs=jobs,
                       confirm_timeout=confirm_timeout or (resolver.for_path(os.path.abspath(paths[0])).confirm_timeout
                                                           if confirm and not use_stdin else 20.0),
                       confirm_unsandboxed=confirm_unsandboxed,
                       show_source=show_source, stdin=use_stdin)
    finally:
        if out_stream is not sys.stdout:
            out_stream.close()
    sys.exit(code)


def _usage(message):
    click.echo(f"inplace-lint: error: {message}", err=True)
    sys.exit(2)


def _check_files(paths, resolver, quiet, fmt, jobs, no_cache):
    progress = None
    if not quiet and fmt == "text" and sys.stderr.isatty():
        from .progress import Progress

        progress = Progress(sys.stderr)
    cache = None
    if not no_cache:
        from ..cache import Cache, cache_dir_for

        # one cache per run, at the root of the first path's project (entries are keyed by path)
        cache = Cache(cache_dir_for(resolver.for_path(paths[0])))
    try:
        return list(check_paths(paths, resolver, jobs=jobs, progress=progress, cache=cache))
    finally:
        if progress is not None:
            progress.close()


def _check_stdin(resolver, stdin_filename, echo_excluded):
    """Read stdin and check it as ``stdin_filename`` (or ``-``) would be checked."""
    shown = stdin_filename or "-"
    config = resolver.for_path(stdin_filename or os.path.join(os.getcwd(), "-"))
    text, problem = read_stdin(sys.stdin.buffer, shown)
    if stdin_filename is not None and config.force_exclude and next(discover([stdin_filename], config), None) is None:
        if echo_excluded and text is not None:  # a formatter pipeline gets its text back unchanged
            sys.stdout.write(text)
        return []  # excluded, as ruff does: nothing to report
    if problem is not None:
        return [FileResult(shown, [], problem)]
    return [check_source(text, shown, config)]


def _report(results, out, *, fmt, statistics, quiet, fail_on, exit_zero, no_color, fix, diff, unsafe_fixes,
            add_noqa, confirm, jobs, show_source, stdin, confirm_timeout=20.0, confirm_unsandboxed=False):
    def echo(text, err=False):
        click.echo(text, file=sys.stderr if err else out)

    if add_noqa:
        from .add_noqa import add_noqa_comments

        added, files = add_noqa_comments(results, err=sys.stderr)
        echo(f"Added {added} noqa directive{'s' if added != 1 else ''} to {files} file{'s' if files != 1 else ''}.",
             err=True)
        problems = [r.problem for r in results if r.problem is not None and r.problem.kind != "note"]
        for p in problems:
            echo(f"{p.path}:{p.line}:{p.column}: E902 {p.message}", err=True)
        return 2 if problems and not exit_zero else 0
    if stdin and fix and not diff:
        _fix_stdin(results[0] if results else None, unsafe_fixes, out)
        out, fmt_err = sys.stderr, True  # the fixed code owns stdout; the report goes to stderr
    else:
        fmt_err = False
    if fix or diff:
        from .fix import apply_fixes

        if not stdin:
            changed = apply_fixes(results, write=fix and not diff, unsafe=unsafe_fixes,
                                  diff_stream=out if diff else None)
            if fix and not diff and not quiet:
                echo(f"Fixed {changed} file(s).", err=True)
        elif diff:
            apply_fixes(results, write=False, unsafe=unsafe_fixes, diff_stream=out)
    if confirm:
        from ..runtime.replay import ReplayUnavailable, confirm as replay_confirm

        try:
            summary = replay_confirm([f for r in results for f in r.findings], jobs=jobs, timeout=confirm_timeout,
                                     unsandboxed=confirm_unsandboxed)
        except ReplayUnavailable as e:
            _usage(str(e))
        if not quiet and summary.counts:
            echo(f"replay: {summary.line()}", err=True)
            echo(summary.sandbox_line(), err=True)

    color = formats.use_color(no_color, out)
    text = formats.FORMATTERS[fmt](results, color=color, show_source=show_source)
    if text and not diff:  # with --diff stdout carries only the patch (pipe it to `git apply`)
        click.echo(text, file=out)
    # a note (analysis incomplete, valid code libcst cannot parse) is shown but does not fail the run
    notes = [r.problem for r in results if r.problem is not None and r.problem.kind == "note"]
    problems = [r.problem for r in results if r.problem is not None and r.problem.kind != "note"]
    if fmt != "text":
        for p in problems:
            echo(f"{p.path}:{p.line}:{p.column}: E902 {p.message}", err=True)
        for p in notes:
            echo(f"{p.path}:{p.line}:{p.column}: note: {p.message}", err=True)
    findings = [f for r in results for f in r.findings]
    side = fmt != "text" or diff or fmt_err  # where the human summary goes
    if statistics:
        counts = collections.Counter((f.code, f.severity) for f in findings)
        for (code, sev), n in sorted(counts.items()):
            click.echo(f"{n:6d}  {code}  [{sev}] {BY_CODE[code].name}", file=sys.stderr if side else out)
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
        click.echo(summary, file=sys.stderr if side else out)
    if exit_zero:
        return 0
    if problems:
        return 2
    failing = [f for f in findings if f.severity == "error" or fail_on == "warning"]
    return 1 if failing else 0


def _fix_stdin(result, unsafe, out):
    """With stdin and --fix, print the fixed source to stdout (as ruff does); the unfixed remain reported."""
    if result is None or result.source is None:
        return
    from .fix import apply_edits, plan_fixes

    text = result.source
    if result.problem is None and not result.path.endswith(".ipynb"):
        chosen = [f for f in plan_fixes(result) if f.fix.safe or unsafe]
        new = apply_edits(text, [e for f in chosen for e in f.fix.edits])
        try:
            import libcst

            libcst.parse_module(new)
        except Exception:  # a fix that breaks the code is never printed
            new, chosen = text, []
        result.findings = grouping.without(result.findings, {id(f) for f in chosen})
        text = new
    out.write(text)
    out.flush()


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


@main.command()
def server():
    """Run the language server (LSP over stdio) for editors (needs the server extra)."""
    try:
        from .server import main as serve
    except ImportError as e:
        click.echo(f"inplace-lint: error: the server needs pygls (pip install 'inplace-lint[server]'): {e}", err=True)
        sys.exit(2)
    serve()


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
