"""Runtime helpers (need torch). Import ``inplace_lint.runtime.watch`` explicitly."""
