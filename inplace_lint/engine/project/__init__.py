"""Whole-project analysis: resolve imports between the checked project's own
modules and let calls into them be interpreted with the caller's values.

``ProjectIndex`` (``index.py``) finds files and hands out module summaries
(``modules.py``), each computed once per run; ``hooks.py`` is the
interpreter's side; ``report.py`` places what happened in another module.
"""
from .index import ProjectIndex, project_roots

__all__ = ["ProjectIndex", "project_roots", "dependencies"]


def dependencies(index: ProjectIndex, path: str):
    """Project files whose content can change the findings of ``path`` (its
    transitive project imports), sorted absolute paths: what a result cache must
    add to ``path``'s key."""
    return index.dependencies(path)
